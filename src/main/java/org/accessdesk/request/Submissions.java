package org.accessdesk.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.accessdesk.account.AccountUser;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.Identifiers;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Submitting a request (SPEC §4, §5): check kind against type, normalise the identifiers,
 * decide each one with the pure {@link DecisionTable}, and write everything through the
 * {@link StatusDoor} in one transaction. An {@code Idempotency-Key} makes a repeated
 * submission answer the first one and write nothing.
 */
@Component
public class Submissions {

	static final int MAX_IDENTIFIERS = 50;

	private final ItemDecider decider;

	private final AccessRequests requests;

	private final StatusDoor door;

	private final RequestViews views;

	Submissions(ItemDecider decider, AccessRequests requests, StatusDoor door, RequestViews views) {
		this.decider = decider;
		this.requests = requests;
		this.door = door;
		this.views = views;
	}

	public Mono<Submitted> submit(AccountUser user, Submit submit, @Nullable String idempotencyKey) {
		if (!submit.kind().accepts(submit.identifierType())) {
			return Mono.error(InvalidSubmission.kindTypeMismatch(submit.kind(), submit.identifierType()));
		}
		Identifiers.Normalised normalised = Identifiers.normalise(submit.identifierType(), submit.identifiers());
		if (!normalised.invalid().isEmpty()) {
			return Mono
				.error(InvalidSubmission.invalidIdentifiers(submit.identifierType(), clipped(normalised.invalid())));
		}
		List<String> identifiers = normalised.valid();
		if (identifiers.isEmpty()) {
			return Mono.error(InvalidSubmission.identifiers("at least one identifier is needed"));
		}
		if (identifiers.size() > MAX_IDENTIFIERS) {
			return Mono.error(InvalidSubmission.identifiers("at most " + MAX_IDENTIFIERS
					+ " identifiers per request, after removing repeats; this one has " + identifiers.size()));
		}
		Submit clean = new Submit(submit.kind(), submit.identifierType(), identifiers,
				blankToNull(submit.justification()), submit.autoRetry());
		String fingerprint = fingerprint(clean);
		if (idempotencyKey == null) {
			return decideAndWrite(user, clean, null, fingerprint);
		}
		return this.requests.findByIdempotencyKey(user.id(), idempotencyKey)
			.flatMap((earlier) -> replay(user, earlier, fingerprint))
			.switchIfEmpty(Mono.defer(() -> decideAndWrite(user, clean, idempotencyKey, fingerprint)))
			// A concurrent twin with the same key committed first: answer it.
			.onErrorResume(IdempotentTwin.class, (twin) -> this.requests.findByIdempotencyKey(user.id(), idempotencyKey)
				.flatMap((earlier) -> replay(user, earlier, fingerprint)));
	}

	private Mono<Submitted> replay(AccountUser user, AccessRequests.RequestRow earlier, String fingerprint) {
		if (!fingerprint.equals(earlier.fingerprint())) {
			return Mono.error(new IdempotencyKeyReused());
		}
		return this.views.one(user, earlier.id()).map((view) -> new Submitted(view, true));
	}

	private Mono<Submitted> decideAndWrite(AccountUser user, Submit submit, @Nullable String idempotencyKey,
			String fingerprint) {
		NewSubmission.Request request = new NewSubmission.Request(user.id(), submit.kind(), submit.identifierType(),
				submit.justification(), submit.autoRetry(), idempotencyKey, fingerprint);
		return this.decider
			.decide(new Applicant(user.email(), user.companyName(), user.companyAddress()), user.id(), submit.kind(),
					submit.identifierType(), submit.identifiers(), submit.autoRetry())
			.flatMap((items) -> this.door.submitWhole(request, items, actor(user))
				.switchIfEmpty(Mono.error(IdempotentTwin::new))
				// Another submission took an access between the decision and the write:
				// the careful way writes that item as ALREADY_REGISTERED.
				.onErrorResume(SecondLiveAccess.class, (raced) -> carefully(user, request, items)))
			// The answer is built from the rows as written, not read again.
			.flatMap((written) -> this.views.written(user, written))
			.map((view) -> new Submitted(view, false));
	}

	/**
	 * Statement by statement in one transaction: each live item is written unless the
	 * account already holds or waits for that access, which is then written as
	 * ALREADY_REGISTERED.
	 */
	private Mono<AccessRequests.RequestWithItems> carefully(AccountUser user, NewSubmission.Request request,
			List<StatusDoor.NewItem> items) {
		return this.requests
			.insert(user.id(), request.kind(), request.identifierType(), request.justification(), request.autoRetry(),
					request.idempotencyKey(), request.fingerprint())
			.switchIfEmpty(Mono.error(IdempotentTwin::new))
			.flatMap((written) -> this.door
				.submitInTransaction(written.id(), user.id(), items, actor(user), request.justification())
				.map((rows) -> new AccessRequests.RequestWithItems(written, rows)))
			.as(this.door::committed);
	}

	static String actor(AccountUser user) {
		return user.email();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static List<String> clipped(List<String> values) {
		return values.stream()
			.limit(10)
			.map((value) -> value.length() > 40 ? value.substring(0, 40) + "…" : value)
			.toList();
	}

	static String fingerprint(Submit submit) {
		String canonical = submit.kind() + "|" + submit.identifierType() + "|" + String.join(",", submit.identifiers())
				+ "|" + submit.justification() + "|" + submit.autoRetry();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** What a person asked for. */
	public record Submit(AccessKind kind, IdentifierType identifierType, List<String> identifiers,
			@Nullable String justification, boolean autoRetry) {
	}

	/**
	 * The answer: the request as it now stands, and whether it is the replay of an
	 * earlier one.
	 */
	public record Submitted(RequestViews.RequestView view, boolean replayed) {
	}

	/**
	 * Another submission with the same Idempotency-Key committed while this one was
	 * deciding.
	 */
	static final class IdempotentTwin extends RuntimeException {

		IdempotentTwin() {
			super("Idempotency-Key taken concurrently", null, false, false);
		}

	}

}
