package org.accessdesk.request;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.accessdesk.registry.IdentifierType;

/** What a request asks for, and which identifier types each kind accepts (SPEC §4). */
public enum AccessKind {

	/** TAC and RMA cases, downloads, support tools, entitled content (guide §3). */
	FULL_SUPPORT(Set.of(IdentifierType.BILL_TO, IdentifierType.CONTRACT)),

	/** Downloads, support tools, entitled content only (guide §5). */
	DOWNLOAD_ONLY(Set.of(IdentifierType.CONTRACT, IdentifierType.SERIAL)),

	/**
	 * Direct purchase: ordering tools, and contract numbers to view contracts (guide §6).
	 */
	ORDERING(Set.of(IdentifierType.BILL_TO, IdentifierType.CONTRACT));

	private final Set<IdentifierType> accepted;

	AccessKind(Set<IdentifierType> accepted) {
		this.accepted = accepted;
	}

	public boolean accepts(IdentifierType type) {
		return this.accepted.contains(type);
	}

	/** The accepted types in a stable order, for messages. */
	public List<IdentifierType> acceptedTypes() {
		return Arrays.stream(IdentifierType.values()).filter(this.accepted::contains).toList();
	}

}
