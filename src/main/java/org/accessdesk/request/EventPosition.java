package org.accessdesk.request;

import java.util.regex.Pattern;

import org.accessdesk.web.ProblemException;

/**
 * Where an event stands in the log: its transaction id and its sequence number. Written
 * as {@code "<txid>-<id>"}; clients treat it as opaque and only echo it back (SSE
 * {@code Last-Event-ID}).
 */
public record EventPosition(long txid, long id) implements Comparable<EventPosition> {

	/** Before every event. */
	public static final EventPosition START = new EventPosition(0, 0);

	private static final Pattern FORM = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

	static EventPosition of(String txid, long id) {
		return new EventPosition(Long.parseLong(txid), id);
	}

	/** Reads a position a client echoed back; anything else is a 400. */
	public static EventPosition parse(String text) {
		var matcher = FORM.matcher(text.strip());
		if (!matcher.matches()) {
			throw ProblemException.badRequest("INVALID_EVENT_ID", "Not an event id of this service: " + clip(text));
		}
		try {
			return new EventPosition(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
		}
		catch (NumberFormatException ex) {
			throw ProblemException.badRequest("INVALID_EVENT_ID", "Not an event id of this service: " + clip(text));
		}
	}

	private static String clip(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	@Override
	public int compareTo(EventPosition other) {
		int byTransaction = Long.compare(this.txid, other.txid);
		return (byTransaction != 0) ? byTransaction : Long.compare(this.id, other.id);
	}

	@Override
	public String toString() {
		return this.txid + "-" + this.id;
	}

}
