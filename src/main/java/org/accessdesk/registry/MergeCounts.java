package org.accessdesk.registry;

import io.r2dbc.spi.Readable;

/**
 * What a merge statement answers ({@code inserted}, {@code updated}, {@code total} staged
 * rows) as the summary's counts: staged rows neither inserted nor updated were unchanged
 * (or repeats of a key, where the last row won).
 */
final class MergeCounts {

	private MergeCounts() {
	}

	static ImportSummary.ListCounts of(Readable row) {
		long inserted = row.get("inserted", Long.class);
		long updated = row.get("updated", Long.class);
		long total = row.get("total", Long.class);
		return new ImportSummary.ListCounts((int) inserted, (int) updated,
				(int) Math.max(0, total - inserted - updated));
	}

}
