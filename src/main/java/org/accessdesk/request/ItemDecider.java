package org.accessdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accessdesk.account.AccountId;
import org.accessdesk.account.Accounts;
import org.accessdesk.account.Profile;
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

	Mono<List<StatusDoor.NewItem>> decide(AccountId accountId, AccessKind kind, IdentifierType type,
			List<String> identifiers, boolean autoRetryWanted) {
		// Roles play no part in the decision table: no query for them.
		Mono<Profile> profile = this.accounts.profileWithoutRoles(accountId)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Account " + accountId + " is gone")));
		Mono<Map<String, RegistryEntry>> found = this.registry.lookup(type, identifiers);
		Mono<Holdings> holdings = this.items.liveOf(accountId).collectList().map(Holdings::of);
		return Mono.zip(profile, found, holdings).map((facts) -> {
			Instant now = this.clock.instant();
			Applicant applicant = new Applicant(facts.getT1().email(), facts.getT1().companyName(),
					facts.getT1().companyAddress());
			return identifiers.stream().map((identifier) -> {
				RegistryEntry entry = facts.getT2().getOrDefault(identifier, RegistryEntry.UNKNOWN);
				Decision decision = DecisionTable.decide(applicant, kind, type, entry, facts.getT3(), now);
				return ItemPlans.plan(kind, type, identifier, entry, decision, autoRetryWanted, now,
						this.properties.vendorSla());
			}).toList();
		});
	}

}
