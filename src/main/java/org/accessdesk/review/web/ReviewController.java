package org.accessdesk.review.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.accessdesk.account.AccountUser;
import org.accessdesk.request.ItemDecisions;
import org.accessdesk.request.ItemId;
import org.accessdesk.request.Queue;
import org.accessdesk.request.Verdict;
import org.accessdesk.review.ReviewQueues;
import org.accessdesk.review.ReviewerHome;
import org.accessdesk.web.ProblemException;
import org.accessdesk.web.TextRules;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The review consoles' API: queues and decisions (CONTRACT_ADMIN, VENDOR_REVIEWER). */
@RestController
class ReviewController {

	private final ReviewQueues queues;

	private final ReviewerHome home;

	ReviewController(ReviewQueues queues, ReviewerHome home) {
		this.queues = queues;
		this.home = home;
	}

	/** How many items wait for the caller (the header's count). */
	@GetMapping("/api/review/waiting")
	Mono<ReviewerHome.Waiting> waiting(@AuthenticationPrincipal AccountUser user) {
		return this.home.waiting(user);
	}

	/**
	 * What the caller's queue decided in the last 30 days, newest first (at most 200);
	 * approved ones are revocable while the access is held.
	 */
	@GetMapping("/api/review/decided")
	Mono<List<ReviewerHome.DecidedEntry>> decided(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable String queue) {
		return this.home.decided(user, parseQueue(queue));
	}

	/**
	 * The caller's queue of waiting items; with {@code status=APPROVED}, the access
	 * granted under it (what may be revoked).
	 */
	@GetMapping("/api/review/items")
	Mono<List<ReviewQueues.ReviewEntry>> queue(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String status) {
		if (status == null || status.isBlank() || status.strip().equalsIgnoreCase("PENDING")) {
			return this.queues.queue(user, parseQueue(queue));
		}
		if (status.strip().equalsIgnoreCase("APPROVED")) {
			return this.queues.granted(user, parseQueue(queue));
		}
		throw ProblemException.invalid("status", "must be PENDING or APPROVED");
	}

	@PostMapping("/api/review/items/{id}/revoke")
	Mono<ItemDecisions.Decided> revoke(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id,
			@Valid @RequestBody RevokeForm form) {
		return this.queues.revoke(user, ItemId.of(id), form.reason());
	}

	@PostMapping("/api/review/items/{id}/decision")
	Mono<ItemDecisions.Decided> decide(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id,
			@Valid @RequestBody DecisionForm form) {
		return this.queues.decide(user, ItemId.of(id), form.decision(), form.reason(), form.comment());
	}

	private static @Nullable Queue parseQueue(@Nullable String queue) {
		if (queue == null || queue.isBlank()) {
			return null;
		}
		try {
			return Queue.valueOf(queue.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("queue", "must be admin or vendor");
		}
	}

	record RevokeForm(@NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TextRules.MULTI_LINE,
			message = "must not contain control characters") String reason) {
	}

	record DecisionForm(@NotNull Verdict decision,
			@Nullable @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String reason,
			@Nullable @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE,
					message = "must not contain control characters") String comment) {
	}

}
