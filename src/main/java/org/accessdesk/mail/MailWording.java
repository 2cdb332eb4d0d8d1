package org.accessdesk.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The words of a mail in its reader's language: labels of codes (statuses, reasons,
 * kinds), next steps and times in the configured zone, and each item as a {@link Line}.
 */
@Component
class MailWording {

	private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm (z)",
			Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z",
			Locale.ENGLISH);

	private final MessageSource messages;

	private final ZoneId zone;

	MailWording(MessageSource messages, MailProperties properties) {
		this.messages = messages;
		this.zone = properties.timeZone();
	}

	Line line(MailFacts.Item item, Locale locale) {
		return new Line(item.identifier(), label("type." + item.identifierType(), locale),
				label("kind." + item.accessKind(), locale), label("status." + item.status(), locale),
				(item.from() == null) ? null : label("status." + item.from(), locale),
				label("reason." + item.reason(), locale), nextStep(item.nextStepCodes(), locale), item.comment(),
				item.deciders().isEmpty() ? null
						: String.join(locale.getLanguage().equals("ja") ? "、" : ", ", item.deciders()),
				time(item.deadline(), locale), time(item.retryAfter(), locale), time(item.since(), locale),
				item.contractNumber(), item.billToId());
	}

	private String label(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private String nextStep(List<String> codes, Locale locale) {
		return codes.isEmpty() ? "" : this.messages
			.getMessage(new DefaultMessageSourceResolvable(codes.toArray(String[]::new), ""), locale);
	}

	@Nullable String time(@Nullable Instant instant, Locale locale) {
		if (instant == null) {
			return null;
		}
		DateTimeFormatter format = locale.getLanguage().equals("ja") ? JAPANESE_TIME : ENGLISH_TIME;
		return format.format(instant.atZone(this.zone));
	}

	/**
	 * An item as the templates show it: every text already in the recipient's language.
	 */
	record Line(String identifier, String type, String kind, String status, @Nullable String previous, String reason,
			String nextStep, @Nullable String comment, @Nullable String deciders, @Nullable String deadline,
			@Nullable String retryAfter, @Nullable String since, @Nullable String contract, @Nullable String billTo) {

		/**
		 * The templates see maps, not records: SpEL reads a map entry directly, while a
		 * record's accessor is looked up by reflection in every rendering.
		 */
		Map<String, @Nullable Object> asMap() {
			Map<String, @Nullable Object> map = new HashMap<>();
			map.put("identifier", this.identifier());
			map.put("type", this.type());
			map.put("kind", this.kind());
			map.put("status", this.status());
			map.put("previous", this.previous());
			map.put("reason", this.reason());
			map.put("nextStep", this.nextStep());
			map.put("comment", this.comment());
			map.put("deciders", this.deciders());
			map.put("deadline", this.deadline());
			map.put("retryAfter", this.retryAfter());
			map.put("since", this.since());
			map.put("contract", this.contract());
			map.put("billTo", this.billTo());
			return map;
		}

	}

}
