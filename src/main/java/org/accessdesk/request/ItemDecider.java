package org.accessdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accessdesk.account.AccountId;
import org.accessdesk.account.Accounts;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.RegistryLookup;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Gathers what the decision table needs — the profile, the registry facts for all
 * identifiers at once, what the account already holds — and plans one item per
 * identifier. The only I/O around the pure {@link DecisionTable}; used by submission and
 * by auto-retry alike.
 */
@Component
class ItemDecider {

	private final Accounts accounts;

	private final RegistryLookup registry;

	private final AccessItems items;

	private final RequestProperties properties;

	private final Clock clock;

	ItemDecider(Accounts accounts, RegistryLookup registry, AccessItems items, RequestProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
		this.items = items;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * For someone who is not at hand (auto-retry works for people who are away): their
	 * profile is read first.
	 */
	Mono<List<StatusDoor.NewItem>> decide(AccountId accountId, AccessKind kind, IdentifierType type,
			List<String> identifiers, boolean autoRetryWanted) {
		// Roles play no part in the decision table: no query for them.
		return this.accounts.profileWithoutRoles(accountId)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Account " + accountId + " is gone")))
			.flatMap(
					(profile) -> decide(new Applicant(profile.email(), profile.companyName(), profile.companyAddress()),
							accountId, kind, type, identifiers, autoRetryWanted));
	}

	/**
	 * For the person submitting: who they are came with the request (the signed-in
	 * {@code AccountUser}), so only the registry and their holdings are read — the two
	 * reads at once.
	 */
	Mono<List<StatusDoor.NewItem>> decide(Applicant applicant, AccountId accountId, AccessKind kind,
			IdentifierType type, List<String> identifiers, boolean autoRetryWanted) {
		Mono<Map<String, RegistryEntry>> found = this.registry.lookup(type, identifiers);
		Mono<Holdings> holdings = this.items.liveOf(accountId).collectList().map(Holdings::of);
		return Mono.zip(found, holdings).map((facts) -> {
			Instant now = this.clock.instant();
			return identifiers.stream().map((identifier) -> {
				RegistryEntry entry = facts.getT1().getOrDefault(identifier, RegistryEntry.UNKNOWN);
				Decision decision = DecisionTable.decide(applicant, kind, type, entry, facts.getT2(), now);
				return ItemPlans.plan(kind, type, identifier, entry, decision, autoRetryWanted, now,
						this.properties.vendorSla());
			}).toList();
		});
	}

}
