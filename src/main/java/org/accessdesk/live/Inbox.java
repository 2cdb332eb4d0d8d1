package org.accessdesk.live;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.util.concurrent.Queues;

/**
 * A stream's inbox: bounded like an array queue, but it grows in links of 16 instead of
 * allocating its whole capacity up front. Nearly every stream's inbox is empty nearly all
 * the time, and an instance holds ten thousand of them: a 1,024-slot array each would be
 * 4 KB of heap per stream for nothing. One producer (the feed), one consumer (the
 * stream).
 */
final class Inbox<T> extends AbstractQueue<T> {

	private static final int LINK = 16;

	private final Queue<T> events = Queues.<T>unbounded(LINK).get();

	private final AtomicInteger size = new AtomicInteger();

	private final int capacity;

	Inbox(int capacity) {
		this.capacity = capacity;
	}

	/** False when full: the sink answers FAIL_OVERFLOW and the stream is cut off. */
	@Override
	public boolean offer(T event) {
		if (this.size.get() >= this.capacity) {
			return false;
		}
		this.events.offer(event);
		this.size.incrementAndGet();
		return true;
	}

	@Override
	public T poll() {
		T event = this.events.poll();
		if (event != null) {
			this.size.decrementAndGet();
		}
		return event;
	}

	@Override
	public T peek() {
		return this.events.peek();
	}

	@Override
	public boolean isEmpty() {
		return this.events.isEmpty();
	}

	@Override
	public int size() {
		return this.size.get();
	}

	@Override
	public Iterator<T> iterator() {
		throw new UnsupportedOperationException("An inbox is drained, not iterated");
	}

}
