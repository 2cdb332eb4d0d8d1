package org.accessdesk.account.web;

import java.net.URI;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Sign-up and the signed-in person's own profile (SPEC §2, §9). */
@RestController
class AccountController {

	private static final String SESSION_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private final AccountRegistration registration;

	private final Accounts accounts;

	AccountController(AccountRegistration registration, Accounts accounts) {
		this.registration = registration;
		this.accounts = accounts;
	}

	@PostMapping("/api/accounts")
	Mono<ResponseEntity<ProfileView>> signUp(@Valid @RequestBody SignUp form) {
		return this.registration
			.signUp(form.email(), form.password(), form.name(), Objects.requireNonNullElse(form.language(), "ja"),
					form.companyName(), form.companyAddress())
			.map((profile) -> ResponseEntity.created(URI.create("/api/profile")).body(ProfileView.of(profile)));
	}

	@GetMapping("/api/profile")
	Mono<ProfileView> profile(@AuthenticationPrincipal AccountUser user) {
		return this.accounts.profile(user.id())
			.map(ProfileView::of)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Account")));
	}

	/**
	 * Replaces the editable fields. {@code email} and {@code roles} may be sent back as
	 * read (a client that GETs, edits and PUTs need not strip them), but email cannot be
	 * changed here and roles are never set by hand.
	 */
	@PutMapping("/api/profile")
	Mono<ProfileView> updateProfile(@AuthenticationPrincipal AccountUser user, @Valid @RequestBody ProfileUpdate form,
			ServerWebExchange exchange) {
		if (form.email() != null && !form.email().strip().equalsIgnoreCase(user.email())) {
			return Mono.error(ProblemException.invalid("email", "cannot be changed"));
		}
		return this.registration
			.updateProfile(user.id(), form.name(), form.language(), form.companyName(), form.companyAddress())
			.flatMap((profile) -> followInSession(exchange, user, profile).thenReturn(ProfileView.of(profile)));
	}

	/**
	 * A browser that signed in with the form keeps its principal in the session; after a
	 * change of language (the switch on every page) the next request must already speak
	 * it. Tokens and HTTP Basic load the account afresh on every request.
	 */
	private static Mono<Void> followInSession(ServerWebExchange exchange, AccountUser user, Profile profile) {
		return exchange.getSession().doOnNext((session) -> {
			if (session.getAttribute(SESSION_CONTEXT) instanceof SecurityContext context
					&& context.getAuthentication() != null
					&& context.getAuthentication().getPrincipal() instanceof AccountUser) {
				AccountUser updated = user.withProfile(profile);
				session.getAttributes()
					.put(SESSION_CONTEXT, new SecurityContextImpl(UsernamePasswordAuthenticationToken
						.authenticated(updated, null, updated.getAuthorities())));
			}
		}).then();
	}

	record SignUp(
			@NotBlank @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
					message = "must be an email address") String email,
			@NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
			@NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String name,
			@Nullable @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
			@Nullable @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String companyName,
			@Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String companyAddress) {
	}

	record ProfileUpdate(@Nullable String email, @Nullable Set<String> roles,
			@NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String name,
			@NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
			@Nullable @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE,
					message = "must not contain control characters") String companyName,
			@Nullable @Size(max = 500) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String companyAddress) {
	}

	/**
	 * The profile as the API shows it. {@code complete} says whether identifiers can be
	 * approved at all (rule D1 needs company name and address).
	 */
	record ProfileView(String email, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress, boolean complete, Set<String> roles) {

		static ProfileView of(Profile profile) {
			Set<String> roles = new TreeSet<>();
			for (Role role : profile.roles()) {
				roles.add(role.name());
			}
			return new ProfileView(profile.email(), profile.name(), profile.language(), profile.companyName(),
					profile.companyAddress(), profile.isComplete(), roles);
		}

	}

}
