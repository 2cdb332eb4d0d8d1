package org.accessdesk.request;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * What the requester should do next, in their language. The texts live in
 * {@code messages/next-steps*.properties}; the most specific one wins:
 * {@code next-step.<STATUS>.<REASON>} (a later transition, e.g.
 * {@code APPROVED.DECIDED_BY_ADMIN}), then {@code next-step.<RULE>} (the row of the
 * decision table that decided it at submission), then {@code next-step.<STATUS>}. A
 * TOO_NEW denial whose owner asked for auto-retry, not yet retried, has its own text
 * first ({@code next-step.D3.RETRY_SCHEDULED}): the service submits it again, so the
 * person is not told to.
 */
@Component
class NextSteps {

	private final MessageSource messages;

	NextSteps(MessageSource messages) {
		this.messages = messages;
	}

	String of(ItemStatus status, ReasonCode reason, @Nullable String rule, Locale locale) {
		return this.messages.getMessage(new DefaultMessageSourceResolvable(codes(status, reason, rule), ""), locale);
	}

	String of(ItemRow item, Locale locale) {
		return this.messages.getMessage(new DefaultMessageSourceResolvable(codes(item), ""), locale);
	}

	/** The codes for a stored item: as {@link #codes(ItemStatus, ReasonCode, String)}. */
	static String[] codes(ItemRow item) {
		String[] codes = codes(item.status(), item.reason(), item.rule());
		if (!retryScheduled(item)) {
			return codes;
		}
		String[] first = new String[codes.length + 1];
		first[0] = RETRY_SCHEDULED;
		System.arraycopy(codes, 0, first, 1, codes.length);
		return first;
	}

	static final String RETRY_SCHEDULED = "next-step.D3.RETRY_SCHEDULED";

	/** A TOO_NEW denial the service will submit again at its retry time. */
	static boolean retryScheduled(ItemRow item) {
		return item.status() == ItemStatus.DENIED && item.reason() == ReasonCode.TOO_NEW && item.autoRetry()
				&& item.retriedAs() == null;
	}

	/**
	 * The message codes, most specific first — what a mail carries, to be put into words
	 * in its recipient's language when it is sent.
	 */
	static String[] codes(ItemStatus status, ReasonCode reason, @Nullable String rule) {
		return (rule == null) ? new String[] { "next-step." + status + "." + reason, "next-step." + status }
				: new String[] { "next-step." + status + "." + reason, "next-step." + rule, "next-step." + status };
	}

}
