package org.accessdesk;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A query result's reader that lets the query reach the database before a cancel takes
 * effect ({@link QueriesSentWhole}). Until the first row or the end comes back, a cancel
 * only marks the reader cancelled and asks for everything; the first signal then ends it:
 * a row is discarded and the query cancelled (the driver reads the rest away, as it does
 * for any cancelled query), the end or an error is swallowed. After that first answer, a
 * cancel passes straight on.
 */
final class SentBeforeCancelled<T> implements Publisher<T> {

	private final Publisher<T> source;

	SentBeforeCancelled(Publisher<T> source) {
		this.source = source;
	}

	@Override
	public void subscribe(org.reactivestreams.Subscriber<? super T> subscriber) {
		this.source.subscribe(new Guard<>(Operators.toCoreSubscriber(subscriber)));
	}

	private static final class Guard<T> implements CoreSubscriber<T>, Subscription {

		private final CoreSubscriber<? super T> actual;

		private Subscription upstream;

		/** The database has answered: the query, and its parameters, have been sent. */
		private volatile boolean answered;

		private volatile boolean cancelled;

		Guard(CoreSubscriber<? super T> actual) {
			this.actual = actual;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T value) {
			this.answered = true;
			if (this.cancelled) {
				Operators.onDiscard(value, currentContext());
				this.upstream.cancel();
				return;
			}
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable failure) {
			this.answered = true;
			if (!this.cancelled) {
				this.actual.onError(failure);
			}
		}

		@Override
		public void onComplete() {
			this.answered = true;
			if (!this.cancelled) {
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			if (this.answered) {
				this.upstream.cancel();
			}
			else {
				// Let the query go out; its first answer cancels it (onNext).
				this.upstream.request(Long.MAX_VALUE);
			}
		}

	}

}
