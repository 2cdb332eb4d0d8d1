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
 * kinds: the glossary's), next steps and times in the reader's zone, and each item as a
 * {@link Line}. Times read as the screens show them (web-static/i18n.js dateTime), the
 * zone named the same way.
 */
@Component
class MailWording {

	private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm",
			Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
			Locale.ENGLISH);

	private final MessageSource messages;

	private final ZoneId zone;

	MailWording(MessageSource messages, MailProperties properties) {
		this.messages = messages;
		this.zone = properties.timeZone();
	}

	/** The zone of a reader who never chose one. */
	ZoneId defaultZone() {
		return this.zone;
	}

	Line line(MailFacts.Item item, Locale locale, ZoneId zone) {
		return new Line(item.identifier(), label("type." + item.identifierType(), locale),
				label("kind." + item.accessKind(), locale), label("status." + item.status(), locale),
				(item.from() == null) ? null : label("status." + item.from(), locale),
				label("reason." + item.reason(), locale), nextStep(item.nextStepCodes(), locale), item.comment(),
				item.deciders().isEmpty() ? null
						: String.join(locale.getLanguage().equals("ja") ? "、" : ", ", item.deciders()),
				time(item.deadline(), locale, zone), time(item.retryAfter(), locale, zone),
				time(item.since(), locale, zone), item.contractNumber(), item.billToId());
	}

	private String label(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private String nextStep(List<String> codes, Locale locale) {
		return codes.isEmpty() ? "" : this.messages
			.getMessage(new DefaultMessageSourceResolvable(codes.toArray(String[]::new), ""), locale);
	}

	@Nullable String time(@Nullable Instant instant, Locale locale, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		DateTimeFormatter format = locale.getLanguage().equals("ja") ? JAPANESE_TIME : ENGLISH_TIME;
		return format.format(instant.atZone(zone)) + " " + zoneName(zone);
	}

	/**
	 * How a zone is named after a time, on screen as in mail. Abbreviations differ
	 * between Java and browsers and are ambiguous (CST), so a zone is named by its IANA
	 * id; JST and UTC are the exceptions, since each names exactly one offset and readers
	 * know them.
	 */
	static String zoneName(ZoneId zone) {
		return switch (zone.getId()) {
			case "Asia/Tokyo" -> "JST";
			case "UTC", "Etc/UTC" -> "UTC";
			default -> zone.getId();
		};
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
