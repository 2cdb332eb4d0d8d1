package org.accessdesk.account;

import java.util.EnumSet;
import java.util.Set;

import org.accessdesk.registry.Administrators;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The one place a person's roles are worked out (SPEC §1, §2a): CONTRACT_ADMIN from the
 * registry, VENDOR_REVIEWER and OPERATOR from the configured staff lists — and none of
 * them from an address its owner has not proved. Whoever signs up first with an
 * administrator's or an operator's address gets nothing from it until they can read that
 * address's mail.
 */
@Component
class Roles {

	private static final Set<Role> UNPROVED = Set.of(Role.USER);

	private final Administrators administrators;

	private final StaffEmails staff;

	Roles(Administrators administrators, StaffEmails staff) {
		this.administrators = administrators;
		this.staff = staff;
	}

	/** The roles of an account as of now (asks the registry only when it matters). */
	Mono<Set<Role>> of(Accounts.StoredAccount account) {
		if (!account.emailVerified()) {
			return Mono.just(UNPROVED);
		}
		return this.administrators.administers(account.email())
			.map((administers) -> of(account.email(), true, administers));
	}

	/**
	 * The roles of someone whose registry standing is already known (read with the
	 * registry's {@code registry_administers} function, see
	 * {@code V11__registry_administers.sql}).
	 */
	Set<Role> of(String email, boolean emailVerified, boolean administers) {
		return decide(this.staff, email, emailVerified, administers);
	}

	/**
	 * The rule itself, without I/O: whether the address is proved, whether the registry
	 * names it as an administrator, and the staff lists.
	 */
	static Set<Role> decide(StaffEmails staff, String email, boolean emailVerified, boolean administers) {
		if (!emailVerified) {
			return UNPROVED;
		}
		Set<Role> roles = EnumSet.of(Role.USER);
		if (administers) {
			roles.add(Role.CONTRACT_ADMIN);
		}
		if (staff.isVendorReviewer(email)) {
			roles.add(Role.VENDOR_REVIEWER);
		}
		if (staff.isOperator(email)) {
			roles.add(Role.OPERATOR);
		}
		return Set.copyOf(roles);
	}

}
