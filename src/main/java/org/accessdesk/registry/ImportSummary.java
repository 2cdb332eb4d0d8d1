package org.accessdesk.registry;

/**
 * Rows inserted, updated and left as they were, per list: the answer to an import.
 */
public record ImportSummary(ListCounts companies, ListCounts billTos, ListCounts contracts, ListCounts serials) {

	/** Registry rows inserted or changed. */
	long written() {
		return (long) this.companies.written() + this.billTos.written() + this.contracts.written()
				+ this.serials.written();
	}

	public record ListCounts(int inserted, int updated, int unchanged) {

		int written() {
			return this.inserted + this.updated;
		}

	}

}
