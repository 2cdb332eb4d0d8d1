package org.accessdesk.account.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.accessdesk.account.AccountUser;
import org.accessdesk.account.PersonalTokens;
import org.accessdesk.web.TextRules;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Personal API tokens: the secret is in the answer to POST and nowhere else. */
@RestController
class TokenController {

	private final PersonalTokens tokens;

	TokenController(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<PersonalTokens.IssuedToken> create(@AuthenticationPrincipal AccountUser user,
			@Valid @RequestBody NewToken form) {
		return this.tokens.issue(user.id(), form.name().strip());
	}

	@GetMapping("/api/tokens")
	Flux<PersonalTokens.TokenSummary> list(@AuthenticationPrincipal AccountUser user) {
		return this.tokens.list(user.id());
	}

	@DeleteMapping("/api/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.tokens.revoke(user.id(), id);
	}

	record NewToken(@NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE,
			message = "must not contain control characters") String name) {
	}

}
