package org.accessdesk.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accessdesk.account.Accounts;
import org.accessdesk.mail.Letter;
import org.accessdesk.mail.MailFacts;
import org.accessdesk.mail.MailKind;
import org.accessdesk.mail.Recipient;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The system mail a change of status calls for (SPEC §7), as the door writes it: the
 * requester hears of every change — one mail for a whole new request, one for each later
 * transition — and the administrators of an item that starts waiting for them are asked
 * to decide. What the mail shows is what the screen showed at that moment: the item's
 * status, reason, next step (as message codes, worded in the recipient's language when
 * sent), who decides and the deadline. Lookups beyond the items themselves (names of the
 * deciders, the requester as reviewers see them) happen only when a mail needs them.
 */
@Component
class Letters {

	private final DatabaseClient db;

	private final Accounts accounts;

	Letters(DatabaseClient db, Accounts accounts) {
		this.db = db;
		this.accounts = accounts;
	}

	/**
	 * A new request: its summary to the requester, and a request to decide for each
	 * administrator.
	 */
	Mono<List<Letter>> submitted(UUID requestId, UUID accountId, List<StatusDoor.ItemRow> items) {
		return context(requestId, items).map((context) -> {
			List<Letter> letters = new ArrayList<>();
			letters.add(new Letter(MailKind.REQUEST_SUBMITTED, Recipient.account(accountId),
					context.facts(items.stream().map((item) -> context.item(item, null)).toList())));
			items.forEach((item) -> letters.addAll(reviewWanted(item, context)));
			return letters;
		});
	}

	/** A later transition: the requester hears of it. */
	Mono<List<Letter>> moved(StatusDoor.ItemRow item, ItemStatus from) {
		return context(item.requestId(), List.of(item)).map((context) -> {
			List<Letter> letters = new ArrayList<>();
			letters.add(new Letter(MailKind.ITEM_CHANGED, Recipient.account(item.accountId()),
					context.facts(List.of(context.item(item, from)))));
			letters.addAll(reviewWanted(item, context));
			return letters;
		});
	}

	/**
	 * A TOO_NEW denial submitted again by the service: the requester hears how it went.
	 */
	Mono<List<Letter>> retried(StatusDoor.ItemRow retry) {
		return context(retry.requestId(), List.of(retry)).map((context) -> {
			List<Letter> letters = new ArrayList<>();
			letters.add(new Letter(MailKind.AUTO_RETRIED, Recipient.account(retry.accountId()),
					context.facts(List.of(context.item(retry, null)))));
			letters.addAll(reviewWanted(retry, context));
			return letters;
		});
	}

	private static List<Letter> reviewWanted(StatusDoor.ItemRow item, Context context) {
		if (item.status() != ItemStatus.PENDING_ADMIN) {
			return List.of();
		}
		MailFacts facts = context.facts(List.of(context.item(item, null)));
		return item.deciders()
			.stream()
			.map((admin) -> new Letter(MailKind.REVIEW_WANTED, Recipient.address(admin), facts))
			.toList();
	}

	/**
	 * What the letters need besides the items: only when an item waits for administrators
	 * — their names for the requester, the requester for them.
	 */
	private Mono<Context> context(UUID requestId, List<StatusDoor.ItemRow> items) {
		List<String> deciders = items.stream()
			.filter((item) -> item.status() == ItemStatus.PENDING_ADMIN)
			.flatMap((item) -> item.deciders().stream())
			.distinct()
			.toList();
		if (deciders.isEmpty()) {
			return Mono.just(new Context(requestId, null, null, Map.of()));
		}
		Mono<Map<String, String>> names = this.accounts.namesByEmail(deciders);
		Mono<Context> withRequester = this.db
			.sql("SELECT a.name, a.email, a.company_name, r.justification FROM access_request r"
					+ " JOIN account a ON a.id = r.account_id WHERE r.id = :request")
			.bind("request", requestId)
			.map((row) -> new Context(requestId,
					new MailFacts.Person(row.get("name", String.class), row.get("email", String.class),
							row.get("company_name", String.class)),
					row.get("justification", String.class), Map.of()))
			.one();
		return Mono.zip(withRequester, names)
			.map((both) -> new Context(requestId, both.getT1().requester(), both.getT1().justification(),
					both.getT2()));
	}

	private record Context(UUID requestId, MailFacts.@Nullable Person requester, @Nullable String justification,
			Map<String, String> namesByEmail) {

		MailFacts facts(List<MailFacts.Item> items) {
			return new MailFacts(this.requestId, this.requester, this.justification, items);
		}

		MailFacts.Item item(StatusDoor.ItemRow item, @Nullable ItemStatus from) {
			boolean waitsForAdmin = item.status() == ItemStatus.PENDING_ADMIN;
			return new MailFacts.Item(item.id(), item.kind().name(), item.identifierType(), item.identifier(),
					item.contractNumber(), item.billToId(), (from != null) ? from.name() : null, item.status().name(),
					item.reason().name(), List.of(NextSteps.codes(item.status(), item.reason(), item.rule())),
					item.note(), waitsForAdmin ? Deciders.shown(item.deciders(), this.namesByEmail) : List.of(),
					(item.status() == ItemStatus.PENDING_VENDOR) ? item.deadline() : null, item.retryAfter(),
					item.pendingSince());
		}

	}

}
