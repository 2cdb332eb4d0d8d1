package org.accessdesk.mail;

import org.accessdesk.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * Who a mail goes to: an account (its email, name and language at the time of writing),
 * an address (an account's language when one has it, else the default), or the vendor
 * desk (its configured addresses).
 */
record Recipient(@Nullable AccountId accountId, @Nullable String address, boolean vendorDesk) {

	public static Recipient account(AccountId accountId) {
		return new Recipient(accountId, null, false);
	}

	public static Recipient address(String email) {
		return new Recipient(null, email, false);
	}

	public static Recipient theVendorDesk() {
		return new Recipient(null, null, true);
	}

}
