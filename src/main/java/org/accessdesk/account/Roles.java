package org.accessdesk.account;

import java.util.EnumSet;
import java.util.Set;

import org.accessdesk.registry.Administrators;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Works out a person's roles from the registry and the configured staff lists. */
@Component
class Roles {

	private final Administrators administrators;

	private final StaffEmails staff;

	Roles(Administrators administrators, StaffEmails staff) {
		this.administrators = administrators;
		this.staff = staff;
	}

	Mono<Set<Role>> of(String email) {
		return this.administrators.administers(email).map((administers) -> of(email, administers));
	}

	/**
	 * The roles of someone whose registry standing is already known (read with
	 * {@link Administrators#administersTest}).
	 */
	Set<Role> of(String email, boolean administers) {
		Set<Role> roles = EnumSet.of(Role.USER);
		if (administers) {
			roles.add(Role.CONTRACT_ADMIN);
		}
		if (this.staff.isVendorReviewer(email)) {
			roles.add(Role.VENDOR_REVIEWER);
		}
		if (this.staff.isOperator(email)) {
			roles.add(Role.OPERATOR);
		}
		return Set.copyOf(roles);
	}

}
