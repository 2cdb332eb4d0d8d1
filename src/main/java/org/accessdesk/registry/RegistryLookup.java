package org.accessdesk.registry;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Looks identifiers up in the registry, a whole request's worth in one query. A serial
 * number answers with the contract it belongs to. Unknown identifiers are simply absent.
 */
@Component
public class RegistryLookup {

	private final Contracts contracts;

	private final BillTos billTos;

	RegistryLookup(Contracts contracts, BillTos billTos) {
		this.contracts = contracts;
		this.billTos = billTos;
	}

	/** The entries for the given (normalised) identifiers, keyed by identifier. */
	public Mono<Map<String, RegistryEntry>> lookup(IdentifierType type, Collection<String> identifiers) {
		if (identifiers.isEmpty()) {
			return Mono.just(Map.of());
		}
		return switch (type) {
			case CONTRACT -> this.contracts.entries(identifiers);
			case SERIAL -> this.contracts.entriesBySerial(identifiers);
			case BILL_TO -> this.billTos.entries(identifiers);
		};
	}

}
