package org.accessdesk.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.accessdesk.account.AccountUser;
import org.accessdesk.account.BrowserSessions;
import org.accessdesk.account.EmailVerification;
import org.accessdesk.account.PasswordChange;
import org.accessdesk.account.PasswordReset;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Identity (SPEC §2a): proving the address, changing and resetting the password, signing
 * out everywhere.
 */
@RestController
class IdentityController {

	/**
	 * The one answer to asking for a reset link, whether or not an account has the email.
	 */
	static final ResetRequested RESET_REQUESTED = new ResetRequested(
			"If an account has this email address, a link to reset its password is on its way. It works once, for an hour.");

	private final EmailVerification verification;

	private final PasswordChange passwordChange;

	private final PasswordReset passwordReset;

	private final BrowserSessions sessions;

	IdentityController(EmailVerification verification, PasswordChange passwordChange, PasswordReset passwordReset,
			BrowserSessions sessions) {
		this.verification = verification;
		this.passwordChange = passwordChange;
		this.passwordReset = passwordReset;
		this.sessions = sessions;
	}

	/** Anyone with the link's token: the address is proved, the profile answers. */
	@PostMapping("/api/accounts/verification")
	Mono<AccountController.ProfileView> verify(@Valid @RequestBody Token form) {
		return this.verification.verify(form.token()).map(AccountController.ProfileView::of);
	}

	@PostMapping("/api/accounts/verification/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> resend(@AuthenticationPrincipal AccountUser user) {
		return this.verification.resend(user);
	}

	@PutMapping("/api/profile/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(@AuthenticationPrincipal AccountUser user, @Valid @RequestBody NewPassword form,
			ServerWebExchange exchange) {
		return this.passwordChange.change(user, form.currentPassword(), form.newPassword(), exchange);
	}

	@PostMapping("/api/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ResetRequested> requestReset(@Valid @RequestBody ResetRequest form, ServerWebExchange exchange) {
		return this.passwordReset.request(form.email(), exchange).thenReturn(RESET_REQUESTED);
	}

	@PostMapping("/api/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> confirmReset(@Valid @RequestBody ResetConfirmation form, ServerWebExchange exchange) {
		return this.passwordReset.confirm(form.token(), form.password(), exchange);
	}

	/** Signs the account out of every browser, this one included; tokens stay valid. */
	@DeleteMapping("/api/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> signOutEverywhere(@AuthenticationPrincipal AccountUser user, ServerWebExchange exchange) {
		return this.sessions.endAll(user.id(), exchange);
	}

	record Token(@NotBlank @Size(max = 100) String token) {
	}

	record NewPassword(@NotNull @Size(max = 200) String currentPassword,
			@NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
	}

	record ResetRequest(@NotBlank @Size(max = 254) @Pattern(regexp = AccountController.EMAIL,
			message = "must be an email address") String email) {
	}

	record ResetConfirmation(@NotBlank @Size(max = 100) String token,
			@NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
	}

	record ResetRequested(String message) {
	}

}
