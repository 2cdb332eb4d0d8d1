package org.accessdesk.request;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which access request: the {@code access_request} table's key. Answered as the plain
 * UUID string, so the JSON is what it was when ids were raw UUIDs.
 */
public record RequestId(UUID value) {

	public RequestId {
		Objects.requireNonNull(value, "value");
	}

	@JsonValue
	@Override
	public UUID value() {
		return this.value;
	}

	public static RequestId of(UUID value) {
		return new RequestId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
