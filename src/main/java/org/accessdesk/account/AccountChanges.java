package org.accessdesk.account;

import org.accessdesk.registry.RegistryChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

import reactor.core.publisher.Mono;

/**
 * Keeps the cached identities ({@link TokenCache}) true to the database on every
 * instance. A change forgets the account here at once and again once its transaction has
 * committed (a token load that read the old row in between is not kept), then announces
 * {@link AccountChanged} for the other instances.
 */
@Component
public class AccountChanges {

	private final TokenCache cache;

	private final ApplicationEventPublisher events;

	AccountChanges(TokenCache cache, ApplicationEventPublisher events) {
		this.cache = cache;
		this.events = events;
	}

	/** To be called in the transaction (if any) that changed the account. */
	Mono<Void> changed(AccountId accountId) {
		return Mono.defer(() -> {
			this.cache.forget(accountId);
			return TransactionSynchronizationManager.forCurrentTransaction().flatMap((transaction) -> {
				if (!transaction.isSynchronizationActive()) {
					return committed(accountId);
				}
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return committed(accountId);
					}
				});
				return Mono.<Void>empty();
			}).onErrorResume(NoTransactionException.class, (none) -> committed(accountId));
		});
	}

	private Mono<Void> committed(AccountId accountId) {
		return Mono.fromRunnable(() -> {
			this.cache.forget(accountId);
			this.events.publishEvent(new AccountChanged(accountId));
		});
	}

	/**
	 * The registry changed: anyone's roles may have. Forgotten here, and told to the
	 * other instances (whose own registry reads may be cached a few seconds more
	 * otherwise).
	 */
	@EventListener
	void registryChanged(RegistryChanged changed) {
		this.cache.forgetAll();
		this.events.publishEvent(AccountChanged.everyone());
	}

	/** Another instance changed the account (null: any account). */
	public void changedElsewhere(@Nullable AccountId accountId) {
		if (accountId == null) {
			this.cache.forgetAll();
		}
		else {
			this.cache.forget(accountId);
		}
	}

	/**
	 * This instance may have missed announcements (its listening connection was down):
	 * forget everything.
	 */
	public void mayHaveMissedChanges() {
		this.cache.forgetAll();
	}

}
