package org.accessdesk.request;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the registry knows about one identifier, in the terms of the decision table. A
 * serial number arrives as the contract it belongs to.
 */
sealed interface Found {

	Found UNKNOWN = new Unknown();

	/**
	 * Who administers it: a contract's administrators and those of its Bill-to ID, or a
	 * Bill-to ID's.
	 */
	List<String> admins();

	/** Not in the registry. */
	record Unknown() implements Found {

		@Override
		public List<String> admins() {
			return List.of();
		}

	}

	record ContractFound(String number, ContractStatus status, SupportModel supportModel, Instant issuedAt,
			String companyName, List<String> companyEmailDomains, @Nullable String billToId,
			List<String> admins) implements Found {

		public ContractFound {
			companyEmailDomains = List.copyOf(companyEmailDomains);
			admins = List.copyOf(admins);
		}

	}

	record BillToFound(String id, String companyName, List<String> companyEmailDomains, boolean fullSupport,
			List<String> admins) implements Found {

		public BillToFound {
			companyEmailDomains = List.copyOf(companyEmailDomains);
			admins = List.copyOf(admins);
		}

	}

	enum ContractStatus {

		ACTIVE, EXPIRED, TERMINATED

	}

	/**
	 * Who delivers technical support: the vendor directly (SMARTnet-type), or a partner.
	 */
	enum SupportModel {

		DIRECT, PARTNER

	}

}
