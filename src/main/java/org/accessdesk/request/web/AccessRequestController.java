package org.accessdesk.request.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.accessdesk.account.AccountUser;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.request.AccessKind;
import org.accessdesk.request.ItemId;
import org.accessdesk.request.RequestId;
import org.accessdesk.request.RequestViews;
import org.accessdesk.request.Submissions;
import org.accessdesk.web.TextRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Submitting access requests and reading one's own (SPEC §9). */
@RestController
class AccessRequestController {

	private final Submissions submissions;

	private final RequestViews views;

	AccessRequestController(Submissions submissions, RequestViews views) {
		this.submissions = submissions;
		this.views = views;
	}

	@PostMapping("/api/access-requests")
	Mono<ResponseEntity<RequestViews.RequestView>> submit(@AuthenticationPrincipal AccountUser user,
			@Valid @RequestBody Submission body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(max = 200) @Pattern(
					regexp = "[\\x21-\\x7E]+",
					message = "must be printable ASCII without spaces") String idempotencyKey) {
		return this.submissions
			.submit(user,
					new Submissions.Submit(body.kind(), body.identifierType(), body.identifiers(), body.justification(),
							Boolean.TRUE.equals(body.autoRetry())),
					idempotencyKey)
			.map((submitted) -> ResponseEntity.status(HttpStatus.CREATED)
				.location(java.net.URI.create("/api/access-requests/" + submitted.view().id()))
				.header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
				.body(submitted.view()));
	}

	@GetMapping("/api/access-requests")
	Mono<RequestViews.RequestPage> list(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.views.page(user, status, page, size);
	}

	/**
	 * Where each identifier stands now: one item per identifier, the latest state
	 * (repeats and superseded items folded in), most recently asked for first, keyset
	 * paged; {@code kind} and {@code status} filter (one or several, comma separated),
	 * the status on that latest state.
	 */
	@GetMapping("/api/items")
	Mono<RequestViews.LatestPage> latest(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable @Size(max = 100) String kind,
			@RequestParam(required = false) @Nullable @Size(max = 200) String status,
			@RequestParam(required = false) @Nullable @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.views.latest(user, kind, status, cursor, size);
	}

	/** One of one's items as it is now: where a mail's link points. */
	@GetMapping("/api/items/{id}")
	Mono<RequestViews.ItemView> item(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.views.item(user, ItemId.of(id));
	}

	@GetMapping("/api/access-requests/{id}")
	Mono<RequestViews.RequestView> one(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.views.one(user, RequestId.of(id));
	}

	@GetMapping("/api/access-requests/{id}/events")
	Flux<RequestViews.EventView> events(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.views.events(user, RequestId.of(id));
	}

	/**
	 * The body of a submission. {@code identifiers} may be one string ("91000001,
	 * 91000002") or a list of strings; either way it is split, normalised and
	 * de-duplicated before the limit of 50 identifiers is checked (so a pasted list with
	 * repeats is fine).
	 */
	record Submission(@NotNull AccessKind kind, @NotNull IdentifierType identifierType,
			@NotNull @Size(min = 1, max = 200) @JsonDeserialize(
					using = OneOrManyStrings.class) List<@NotNull @Size(max = 2000) String> identifiers,
			@Nullable @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String justification,
			@Nullable Boolean autoRetry) {
	}

}
