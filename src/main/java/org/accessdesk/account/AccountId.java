package org.accessdesk.account;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which account: the {@code account} table's key. Answered as the plain UUID string, so
 * the JSON is what it was when ids were raw UUIDs.
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	@JsonValue
	@Override
	public UUID value() {
		return this.value;
	}

	public static AccountId of(UUID value) {
		return new AccountId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
