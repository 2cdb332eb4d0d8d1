package org.accessdesk.registry;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * An upload read one row at a time from a stream: only the row at hand is in memory,
 * however large the upload. Called on {@code boundedElastic}, never on an event loop.
 */
interface ImportReader extends Closeable {

	/**
	 * The next row, validated; null at the end. A bad row throws {@link ImportRejected}
	 * naming it, and the next call goes on with the row after it; an upload that cannot
	 * be read any further (not JSON, a quoted cell never closed) throws and then ends.
	 */
	ImportRows.@Nullable Row next() throws IOException;

}
