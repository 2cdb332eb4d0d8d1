package org.accessdesk.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accessdesk.account.AccountUser;
import org.accessdesk.account.Accounts;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.RegistryLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The access a person holds now — the guide §4 "Full support access" table: contract
 * number, Bill-to ID (only when there is one), and the administrators to contact — with
 * per-column filters. Full-support and download-only access are listed apart (the guide:
 * "download-only contracts are not shown" in the full-support table).
 */
@Component
public class HeldAccess {

	private final AccessItems items;

	private final RegistryLookup registry;

	private final Accounts accounts;

	HeldAccess(AccessItems items, RegistryLookup registry, Accounts accounts) {
		this.items = items;
		this.registry = registry;
		this.accounts = accounts;
	}

	public Mono<AccessTables> of(AccountUser user, Filter filter) {
		return this.items.approvedOf(user.id())
			.collectList()
			.flatMap((held) -> administrators(held).map((admins) -> tables(held, admins, filter)));
	}

	/**
	 * Administrators per held row: those of its contract (and that contract's Bill-to),
	 * or of its Bill-to ID — as contacts, an address only where its owner proved it.
	 */
	private Mono<Map<ItemId, List<Contact>>> administrators(List<ItemRow> held) {
		List<String> contracts = held.stream()
			.map(ItemRow::contractNumber)
			.filter((n) -> n != null)
			.distinct()
			.toList();
		List<String> billTos = held.stream()
			.filter((row) -> row.contractNumber() == null && row.billToId() != null)
			.map(ItemRow::billToId)
			.distinct()
			.toList();
		return Mono
			.zip(this.registry.lookup(IdentifierType.CONTRACT, contracts),
					this.registry.lookup(IdentifierType.BILL_TO, billTos))
			.flatMap((found) -> {
				Map<ItemId, List<String>> emails = new HashMap<>();
				Set<String> all = new HashSet<>();
				for (ItemRow row : held) {
					RegistryEntry entry = (row.contractNumber() != null) ? found.getT1().get(row.contractNumber())
							: found.getT2().get(row.billToId());
					List<String> admins = (entry == null) ? List.of() : entry.admins();
					emails.put(row.id(), admins);
					all.addAll(admins);
				}
				return this.accounts.namesByEmail(all).map((names) -> {
					Map<ItemId, List<Contact>> shown = new HashMap<>();
					emails.forEach((id, list) -> shown.put(id, Deciders.contacts(list, names)));
					return shown;
				});
			});
	}

	private static AccessTables tables(List<ItemRow> held, Map<ItemId, List<Contact>> admins, Filter filter) {
		List<AccessRow> fullSupport = new ArrayList<>();
		List<AccessRow> downloadOnly = new ArrayList<>();
		List<AccessRow> ordering = new ArrayList<>();
		for (ItemRow row : held) {
			List<Contact> contacts = admins.getOrDefault(row.id(), List.of());
			AccessRow access = new AccessRow(row.id(), row.kind(), row.identifierType(), row.identifier(),
					row.contractNumber(), row.billToId(), contacts.stream().map(Contact::name).toList(), contacts,
					row.updatedAt());
			if (!filter.accepts(access)) {
				continue;
			}
			(row.kind() == AccessKind.FULL_SUPPORT ? fullSupport
					: row.kind() == AccessKind.DOWNLOAD_ONLY ? downloadOnly : ordering)
				.add(access);
		}
		return new AccessTables(fullSupport, downloadOnly, ordering);
	}

	/**
	 * Per-column filters: kind exactly; contract, Bill-to ID and administrator by
	 * contained text.
	 */
	public record Filter(@Nullable AccessKind kind, @Nullable String contract, @Nullable String billTo,
			@Nullable String admin) {

		boolean accepts(AccessRow row) {
			return (this.kind == null || this.kind == row.kind()) && contains(row.contractNumber(), this.contract)
					&& contains(row.billToId(), this.billTo)
					&& (blank(this.admin) || row.administrators().stream().anyMatch((a) -> contains(a, this.admin)));
		}

		private static boolean contains(@Nullable String value, @Nullable String wanted) {
			return blank(wanted) || (value != null
					&& value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT)));
		}

		private static boolean blank(@Nullable String text) {
			return text == null || text.isBlank();
		}

	}

	/**
	 * One row of the access table; {@code itemId} is what {@code /api/items/{id}/remove}
	 * takes. {@code administrators} as shown (names, or masked emails), {@code contacts}
	 * the same people with the address to write to where it may be shown.
	 */
	public record AccessRow(ItemId itemId, AccessKind kind, IdentifierType identifierType, String identifier,
			@Nullable String contractNumber, @Nullable String billToId, List<String> administrators,
			List<Contact> contacts, Instant since) {
	}

	/**
	 * An administrator to contact (the guide's 「管理者に連絡してください」): {@code email} only when
	 * it belongs to an account that proved it (SPEC §2a) — then {@code name} is that
	 * account's name; otherwise {@code name} is the masked email and there is no address
	 * to write to.
	 */
	public record Contact(String name, @Nullable String email) {
	}

	/** Access held now, by kind. */
	public record AccessTables(List<AccessRow> fullSupport, List<AccessRow> downloadOnly, List<AccessRow> ordering) {

		public List<AccessRow> all() {
			List<AccessRow> all = new ArrayList<>(this.fullSupport);
			all.addAll(this.downloadOnly);
			all.addAll(this.ordering);
			return all;
		}

	}

}
