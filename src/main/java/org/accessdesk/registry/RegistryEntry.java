package org.accessdesk.registry;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the registry knows about one contract or Bill-to ID, for other modules to decide
 * on; {@link #UNKNOWN} for a number it does not know (a lookup leaves those out).
 */
public sealed interface RegistryEntry {

	RegistryEntry UNKNOWN = new Unknown();

	/**
	 * Administrators' emails (lower-cased, sorted): a contract's own and its Bill-to
	 * ID's, or a Bill-to ID's.
	 */
	List<String> admins();

	/** Not in the registry. */
	record Unknown() implements RegistryEntry {

		@Override
		public List<String> admins() {
			return List.of();
		}

	}

	record Contract(String number, ContractStatus status, SupportModel supportModel, Instant issuedAt,
			String companyName, List<String> companyEmailDomains, @Nullable String billToId,
			List<String> admins) implements RegistryEntry {

		public Contract {
			companyEmailDomains = List.copyOf(companyEmailDomains);
			admins = List.copyOf(admins);
		}

	}

	record BillTo(String id, String companyName, List<String> companyEmailDomains, boolean fullSupport,
			List<String> admins) implements RegistryEntry {

		public BillTo {
			companyEmailDomains = List.copyOf(companyEmailDomains);
			admins = List.copyOf(admins);
		}

	}

}
