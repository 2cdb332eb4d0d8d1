package org.accessdesk.account;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role × proved or not (SPEC §1, §2a), through the one rule that works roles out:
 * no role but USER follows from an address its owner has not proved — not the registry's
 * CONTRACT_ADMIN, not the configured VENDOR_REVIEWER or OPERATOR.
 */
class RoleRuleTests {

	static final StaffEmails STAFF = new StaffEmails(List.of("Desk@Vendor.example"), List.of("ops@vendor.example"));

	@ParameterizedTest(name = "{0}, proved={1}, named administrator={2} → {3}")
	@CsvSource(delimiter = '|', textBlock = """
			customer@example.com  | true  | false | USER
			customer@example.com  | false | false | USER
			admin@example.com     | true  | true  | USER CONTRACT_ADMIN
			admin@example.com     | false | true  | USER
			desk@vendor.example   | true  | false | USER VENDOR_REVIEWER
			DESK@VENDOR.EXAMPLE   | false | false | USER
			ops@vendor.example    | true  | false | USER OPERATOR
			ops@vendor.example    | false | false | USER
			ops@vendor.example    | true  | true  | USER CONTRACT_ADMIN OPERATOR
			ops@vendor.example    | false | true  | USER
			""")
	void rolesFollowOnlyFromProvedAddresses(String email, boolean proved, boolean administers, String expected) {
		Set<Role> roles = Roles.decide(STAFF, email, proved, administers);
		assertThat(roles).containsExactlyInAnyOrderElementsOf(
				java.util.Arrays.stream(expected.split(" ")).map(Role::valueOf).toList());
	}

}
