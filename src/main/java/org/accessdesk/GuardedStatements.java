package org.accessdesk;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The statements, batches and results of {@link GuardedConnections}: binding goes
 * straight to the driver; reading a result goes through {@link SentBeforeCancelled}.
 */
final class GuardedStatements {

	private GuardedStatements() {
	}

	/** Binds on the driver's statement; only its results are guarded. */
	static final class GuardedStatement implements Statement, Wrapped<Statement> {

		private final Statement delegate;

		GuardedStatement(Statement delegate) {
			this.delegate = delegate;
		}

		@Override
		public Statement add() {
			this.delegate.add();
			return this;
		}

		@Override
		public Statement bind(int index, Object value) {
			this.delegate.bind(index, value);
			return this;
		}

		@Override
		public Statement bind(String name, Object value) {
			this.delegate.bind(name, value);
			return this;
		}

		@Override
		public Statement bindNull(int index, Class<?> type) {
			this.delegate.bindNull(index, type);
			return this;
		}

		@Override
		public Statement bindNull(String name, Class<?> type) {
			this.delegate.bindNull(name, type);
			return this;
		}

		@Override
		public Statement returnGeneratedValues(String... columns) {
			this.delegate.returnGeneratedValues(columns);
			return this;
		}

		@Override
		public Statement fetchSize(int rows) {
			this.delegate.fetchSize(rows);
			return this;
		}

		@Override
		public Publisher<? extends Result> execute() {
			return Flux.from(this.delegate.execute()).map(GuardedResult::new);
		}

		@Override
		public Statement unwrap() {
			return this.delegate;
		}

	}

	record GuardedBatch(Batch delegate) implements Batch, Wrapped<Batch> {

		@Override
		public Batch add(String sql) {
			this.delegate.add(sql);
			return this;
		}

		@Override
		public Publisher<? extends Result> execute() {
			return Flux.from(this.delegate.execute()).map(GuardedResult::new);
		}

		@Override
		public Batch unwrap() {
			return this.delegate;
		}

	}

	/** Reading a result is what sends its query (the driver is lazy): guarded here. */
	record GuardedResult(Result delegate) implements Result, Wrapped<Result> {

		@Override
		public Publisher<Long> getRowsUpdated() {
			return new SentBeforeCancelled<>(this.delegate.getRowsUpdated());
		}

		@Override
		public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
			return new SentBeforeCancelled<>(this.delegate.map(mapping));
		}

		@Override
		public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
			return new SentBeforeCancelled<>(this.delegate.map(mapping));
		}

		@Override
		public Result filter(Predicate<Segment> filter) {
			return new GuardedResult(this.delegate.filter(filter));
		}

		@Override
		public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
			return new SentBeforeCancelled<T>(Flux.from(this.delegate.flatMap(mapping)));
		}

		@Override
		public Result unwrap() {
			return this.delegate;
		}

	}

}
