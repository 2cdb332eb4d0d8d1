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
 * decision table that decided it at submission), then {@code next-step.<STATUS>}.
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

	/**
	 * The message codes, most specific first — what a mail carries, to be put into words
	 * in its recipient's language when it is sent.
	 */
	static String[] codes(ItemStatus status, ReasonCode reason, @Nullable String rule) {
		return (rule == null) ? new String[] { "next-step." + status + "." + reason, "next-step." + status }
				: new String[] { "next-step." + status + "." + reason, "next-step." + rule, "next-step." + status };
	}

}
