package org.accessdesk.request;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.RegistryLookup;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The registry, in the decision table's terms: entries become {@link Found} facts. */
@Component
class RegistryFacts {

	private final RegistryLookup lookup;

	RegistryFacts(RegistryLookup lookup) {
		this.lookup = lookup;
	}

	Mono<Map<String, Found>> find(IdentifierType type, List<String> identifiers) {
		return this.lookup.lookup(type, identifiers)
			.map((entries) -> entries.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> found(entry.getValue()))));
	}

	static Found found(RegistryEntry entry) {
		if (entry instanceof RegistryEntry.BillTo billTo) {
			return new Found.BillToFound(billTo.id(), billTo.companyName(), billTo.companyEmailDomains(),
					billTo.fullSupport(), billTo.admins());
		}
		RegistryEntry.Contract contract = (RegistryEntry.Contract) entry;
		return new Found.ContractFound(contract.number(), Found.ContractStatus.valueOf(contract.status()),
				Found.SupportModel.valueOf(contract.supportModel()), contract.issuedAt(), contract.companyName(),
				contract.companyEmailDomains(), contract.billToId(), contract.admins());
	}

}
