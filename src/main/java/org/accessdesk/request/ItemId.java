package org.accessdesk.request;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Which item of a request: the {@code access_item} table's key, the id the door moves by.
 * Answered as the plain UUID string, so the JSON is what it was when ids were raw UUIDs.
 */
public record ItemId(UUID value) {

	public ItemId {
		Objects.requireNonNull(value, "value");
	}

	@JsonValue
	@Override
	public UUID value() {
		return this.value;
	}

	public static ItemId of(UUID value) {
		return new ItemId(value);
	}

	static @Nullable ItemId ofNullable(@Nullable UUID value) {
		return (value != null) ? new ItemId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
