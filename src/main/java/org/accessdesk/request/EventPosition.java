package org.accessdesk.request;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where an event stands in the log: its place in commit order ({@code seq}, stamped by
 * the sequencer, see {@code V8__event_commit_order.sql}). Written as the number; clients
 * treat it as opaque and only echo it back (SSE {@code Last-Event-ID}).
 */
public record EventPosition(long seq) implements Comparable<EventPosition> {

	/** Before every event. */
	public static final EventPosition START = new EventPosition(0);

	private static final Pattern FORM = Pattern.compile("\\d{1,19}");

	/**
	 * The form ids had before the log was in commit order: {@code "<txid>-<event id>"}. A
	 * client that was connected across the upgrade resumes with one of these.
	 */
	private static final Pattern EARLIER_FORM = Pattern.compile("\\d{1,19}-(\\d{1,19})");

	/**
	 * Reads a position a client echoed back; anything else is a 400. An id of the earlier
	 * form is not a position: see {@link #earlierEventId}.
	 */
	public static EventPosition parse(String text) {
		String clean = text.strip();
		if (!FORM.matcher(clean).matches()) {
			throw invalid(text);
		}
		try {
			return new EventPosition(Long.parseLong(clean));
		}
		catch (NumberFormatException ex) {
			throw invalid(text);
		}
	}

	/** The event id inside an id of the earlier form, if {@code text} is one. */
	public static OptionalLong earlierEventId(String text) {
		var matcher = EARLIER_FORM.matcher(text.strip());
		if (!matcher.matches()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(matcher.group(1)));
		}
		catch (NumberFormatException ex) {
			throw invalid(text);
		}
	}

	private static InvalidEventId invalid(String text) {
		return new InvalidEventId(clip(text));
	}

	private static String clip(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	@Override
	public int compareTo(EventPosition other) {
		return Long.compare(this.seq, other.seq);
	}

	@Override
	public String toString() {
		return Long.toString(this.seq);
	}

}
