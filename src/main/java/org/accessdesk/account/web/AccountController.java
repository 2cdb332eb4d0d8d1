package org.accessdesk.account.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.accessdesk.account.AccountRegistration;
import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Accounts;
import org.accessdesk.account.Profile;
import org.accessdesk.account.Role;
import org.accessdesk.web.ProblemException;
import org.accessdesk.web.TextRules;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Sign-up and the signed-in person's own profile (SPEC §2, §9). */
@RestController
class AccountController {

	/** What passes for an email address: something@domain.tld, no spaces. */
	static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	static final String UNKNOWN_ZONE = "must be a time zone id such as Asia/Tokyo";

	private final AccountRegistration registration;

	private final Accounts accounts;

	AccountController(AccountRegistration registration, Accounts accounts) {
		this.registration = registration;
		this.accounts = accounts;
	}

	@PostMapping("/api/accounts")
	Mono<ResponseEntity<ProfileView>> signUp(@Valid @RequestBody SignUp form) {
		if (!knownZone(form.timeZone())) {
			return Mono.error(ProblemException.invalid("timeZone", UNKNOWN_ZONE));
		}
		return this.registration
			.signUp(form.email(), form.password(), form.name(), Objects.requireNonNullElse(form.language(), "ja"),
					form.companyName(), form.companyAddress(), form.timeZone())
			.map((profile) -> ResponseEntity.created(URI.create("/api/profile")).body(ProfileView.of(profile)));
	}

	@GetMapping("/api/profile")
	Mono<ProfileView> profile(@AuthenticationPrincipal AccountUser user) {
		return this.accounts.profile(user.id())
			.map(ProfileView::of)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Account")));
	}

	/**
	 * Replaces the editable fields. {@code email}, {@code emailVerified} and
	 * {@code roles} may be sent back as read (a client that GETs, edits and PUTs need not
	 * strip them), but email cannot be changed here, and neither proof nor roles are ever
	 * set by hand. Every request loads the signed-in account afresh, so a browser session
	 * speaks the new language at once.
	 */
	@PutMapping("/api/profile")
	Mono<ProfileView> updateProfile(@AuthenticationPrincipal AccountUser user, @Valid @RequestBody ProfileUpdate form) {
		if (form.email() != null && !form.email().strip().equalsIgnoreCase(user.email())) {
			return Mono.error(ProblemException.invalid("email", "cannot be changed"));
		}
		if (!knownZone(form.timeZone())) {
			return Mono.error(ProblemException.invalid("timeZone", UNKNOWN_ZONE));
		}
		return this.registration
			.updateProfile(user.id(), form.name(), form.language(), form.companyName(), form.companyAddress(),
					form.timeZone())
			.map(ProfileView::of);
	}

	/**
	 * A time zone is an IANA id the service knows (Asia/Tokyo, Europe/Berlin), never an
	 * offset like +09:00: mail and screens name the zone, and an offset names none.
	 * Absent means unchanged (unset at sign-up).
	 */
	private static boolean knownZone(@Nullable String timeZone) {
		return timeZone == null || ZoneId.getAvailableZoneIds().contains(timeZone);
	}

	record SignUp(
			@NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = "must be an email address") String email,
			@NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
			@NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String name,
			@Nullable @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
			@Nullable @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String companyName,
			@Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String companyAddress,
			@Nullable String timeZone) {
	}

	record ProfileUpdate(@Nullable String email, @Nullable Boolean emailVerified, @Nullable Set<String> roles,
			@NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String name,
			@NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
			@Nullable @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String companyName,
			@Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String companyAddress,
			@Nullable String timeZone) {
	}

	/**
	 * The profile as the API shows it. {@code emailVerified} says whether the owner
	 * proved the address (until then the account may only look after itself);
	 * {@code complete} whether identifiers can be approved at all (rule D1 needs company
	 * name and address); {@code timeZone} the IANA id times are shown in, null until
	 * chosen (the browser then sends its own on the next save).
	 */
	record ProfileView(String email, boolean emailVerified, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress, @Nullable String timeZone, boolean complete, Set<String> roles) {

		static ProfileView of(Profile profile) {
			Set<String> roles = new TreeSet<>();
			for (Role role : profile.roles()) {
				roles.add(role.name());
			}
			return new ProfileView(profile.email(), profile.emailVerified(), profile.name(), profile.language(),
					profile.companyName(), profile.companyAddress(), profile.timeZone(), profile.isComplete(), roles);
		}

	}

}
