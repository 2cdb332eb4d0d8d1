package org.accessdesk.mail;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.accessdesk.web.SupportContact;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an outbox row into a mail: subject and labels from the {@code messages/mail}
 * catalog, text and HTML bodies from the templates in {@code mail/templates/}, all in the
 * recipient's language and in UTF-8 (subject, display names and bodies alike — never
 * ISO-2022-JP, which cannot carry 髙, 﨑, ～ or ①). The Message-ID comes from the row, so it
 * is the same every time the row is sent.
 */
@Component
class MailComposer {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up with a fresh ServiceLoader — a
		// scan of every jar — each time a header is encoded or a part is created or
		// written (jakartaee/mail-api#861): most of the time it took to send a mail.
		// Naming the provider, as the API allows, turns that into a loaded-class lookup.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
		}
	}

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final MessageSource messages;

	private final MailProperties properties;

	private final JsonMapper json;

	private final InternetAddress from;

	private final MailWording wording;

	private final SupportContact support;

	MailComposer(MessageSource messages, MailProperties properties, JsonMapper json, MailWording wording,
			SupportContact support) {
		this.messages = messages;
		this.wording = wording;
		this.support = support;
		this.properties = properties;
		this.json = json;
		this.templates.setTemplateEngineMessageSource(messages);
		this.templates.setEnableSpringELCompiler(true);
		this.templates.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
		this.templates.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
		try {
			this.from = InternetAddress.parse(properties.from(), true)[0];
			this.from.setPersonal(this.from.getPersonal(), "UTF-8");
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("accessdesk.mail.from is not an address: " + properties.from(), ex);
		}
	}

	/** The mail as the recipient will read it: subject, plain text and HTML. */
	Rendered render(OutboxMail mail) {
		if (mail.kind().isAccountNotice()) {
			return renderNotice(mail);
		}
		MailFacts facts = this.json.readValue(mail.facts(), MailFacts.class);
		Locale locale = Locale.forLanguageTag(mail.language());
		ZoneId zone = zone(mail);
		List<MailWording.Line> lines = facts.items()
			.stream()
			.map((item) -> this.wording.line(item, locale, zone))
			.toList();
		MailWording.Line first = lines.get(0);
		Map<String, Object> model = new HashMap<>();
		model.put("kind", mail.kind().name());
		model.put("name", mail.recipientName());
		model.put("requester", (facts.requester() == null) ? null : asMap(facts.requester()));
		model.put("justification", facts.justification());
		model.put("items", lines.stream().map(MailWording.Line::asMap).toList());
		model.put("forReviewer", isForReviewer(mail.kind()));
		model.put("intro", intro(mail.kind(), facts, first, locale));
		model.put("link", link(mail.kind(), facts));
		model.put("support", support(locale));
		Context context = new Context(locale, model);
		return new Rendered(subject(mail.kind(), facts, lines, locale),
				this.templates.process("system-mail.txt", context),
				this.templates.process("system-mail.html", context));
	}

	/**
	 * A mail about the account itself: the one-time link (verify, reset) with its expiry,
	 * or the notice of a change, and what to do if it was not the reader.
	 */
	private Rendered renderNotice(OutboxMail mail) {
		AccountNotice notice = this.json.readValue(mail.facts(), AccountNotice.class);
		Locale locale = Locale.forLanguageTag(mail.language());
		MailKind kind = mail.kind();
		String page = switch (kind) {
			case VERIFY_EMAIL -> "/verify.html";
			case PASSWORD_RESET -> "/reset.html";
			default -> null;
		};
		if (page != null && notice.token() == null) {
			throw new IllegalStateException("The link of mail " + mail.id() + " was sent already");
		}
		Map<String, Object> model = new HashMap<>();
		model.put("name", mail.recipientName());
		ZoneId zone = zone(mail);
		Object[] when = (notice.at() != null) ? new Object[] { this.wording.time(notice.at(), locale, zone) } : null;
		model.put("intro", this.messages.getMessage("mail.intro." + kind, when, locale));
		model.put("link",
				(page == null) ? null
						: UriComponentsBuilder.fromUri(this.properties.baseUrl())
							.path(page)
							.fragment("token=" + notice.token())
							.build()
							.toUriString());
		model.put("action", (page == null) ? null : this.messages.getMessage("mail.action." + kind, null, locale));
		model.put("until", this.wording.time(notice.until(), locale, zone));
		model.put("warning", this.messages.getMessage("mail.warning." + kind, null, locale));
		model.put("support", support(locale));
		Context context = new Context(locale, model);
		return new Rendered(this.messages.getMessage("mail.subject." + kind, null, locale),
				this.templates.process("account-mail.txt", context),
				this.templates.process("account-mail.html", context));
	}

	/**
	 * Whom to ask, for every footer: the desk the reader may forward the mail to (a map,
	 * as the templates read maps).
	 */
	private Map<String, String> support(Locale locale) {
		return Map.of("email", this.support.email(), "url", this.support.url().toString(), "hours",
				this.support.hoursIn(locale));
	}

	/**
	 * The recipient's zone when they chose one (and it is still known), else the default.
	 * Parsed rather than looked up in {@code ZoneId.getAvailableZoneIds()}, which copies
	 * every zone id into a new set on each call: once per mail rendered.
	 */
	private ZoneId zone(OutboxMail mail) {
		String id = mail.timeZone();
		if (id != null) {
			try {
				return ZoneId.of(id);
			}
			catch (DateTimeException unknownHere) {
				// A zone this JVM's tz data no longer knows: the default reads best.
			}
		}
		return this.wording.defaultZone();
	}

	private String intro(MailKind kind, MailFacts facts, MailWording.Line first, Locale locale) {
		Object[] args = switch (kind) {
			case REVIEW_WANTED -> new Object[] { facts.requester().name() };
			case ADMIN_REMINDER -> new Object[] { first.since() };
			case VENDOR_OVERDUE -> new Object[] { first.deadline() };
			default -> new Object[0];
		};
		return this.messages.getMessage("mail.intro." + kind, args, locale);
	}

	private static boolean isForReviewer(MailKind kind) {
		return kind == MailKind.REVIEW_WANTED || kind == MailKind.ADMIN_REMINDER || kind == MailKind.VENDOR_OVERDUE;
	}

	/** A MIME message ready for the SMTP server. */
	MimeMessage message(MimeMessage blank, OutboxMail mail) throws MessagingException, UnsupportedEncodingException {
		Rendered rendered = render(mail);
		MimeMessageHelper helper = new MimeMessageHelper(blank, false, "UTF-8");
		helper.setFrom(this.from);
		InternetAddress to = new InternetAddress(mail.recipient(), mail.recipientName(), "UTF-8");
		// A malformed address (a typo in registry data or configuration) will never work:
		// refuse it here, as permanently as a server's 5xx would.
		to.validate();
		helper.setTo(to);
		helper.setSubject(rendered.subject());
		// The same mail twice, as plain text and as HTML; the reader's program shows one.
		MimeBodyPart text = new MimeBodyPart();
		text.setText(rendered.text(), "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(rendered.html(), "text/html; charset=UTF-8");
		MimeMultipart alternatives = new MimeMultipart("alternative");
		alternatives.addBodyPart(text);
		alternatives.addBodyPart(html);
		blank.setContent(alternatives);
		blank.setHeader("Message-ID", messageId(mail));
		blank.setHeader("Content-Language", mail.language());
		// RFC 3834: machine-written, so auto-responders stay quiet.
		blank.setHeader("Auto-Submitted", "auto-generated");
		return blank;
	}

	String messageId(OutboxMail mail) {
		String address = this.from.getAddress();
		return "<" + mail.messageKey() + "@" + address.substring(address.indexOf('@') + 1) + ">";
	}

	private String subject(MailKind kind, MailFacts facts, List<MailWording.Line> lines, Locale locale) {
		MailWording.Line first = lines.get(0);
		Object[] args = switch (kind) {
			case REQUEST_SUBMITTED -> new Object[] {
					lines.size() == 1 ? first.identifier() : first.identifier() + ((locale.getLanguage().equals("ja"))
							? " ほか " + (lines.size() - 1) + " 件" : " and " + (lines.size() - 1) + " more") };
			case REVIEW_WANTED -> new Object[] { facts.requester().name(), first.identifier() };
			case ITEM_CHANGED, AUTO_RETRIED -> new Object[] { first.identifier(), first.status() };
			case ADMIN_REMINDER -> new Object[] { first.identifier(), first.since() };
			case VENDOR_OVERDUE -> new Object[] { first.identifier() };
			case VERIFY_EMAIL, PASSWORD_RESET, PASSWORD_CHANGED ->
				throw new IllegalArgumentException(kind + " is a notice");
		};
		return this.messages.getMessage("mail.subject." + kind, args, locale);
	}

	/**
	 * Where the mail leads: the card of the item it is about, on the requester's page or
	 * in the review console (the pages reveal {@code #item-<id>} after signing in).
	 */
	private String link(MailKind kind, MailFacts facts) {
		UriComponentsBuilder link = UriComponentsBuilder.fromUri(this.properties.baseUrl())
			.path(isForReviewer(kind) ? "/review.html" : "/");
		return link.fragment("item-" + facts.items().get(0).itemId()).build().toUriString();
	}

	private static Map<String, @Nullable Object> asMap(MailFacts.Person person) {
		Map<String, @Nullable Object> map = new HashMap<>();
		map.put("name", person.name());
		map.put("email", person.email());
		map.put("companyName", person.companyName());
		return map;
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/templates/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** A rendered mail. */
	record Rendered(String subject, String text, String html) {
	}

}
