package org.accessdesk.registry;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * An import's staged rows into the registry, in one short transaction of a few set-based
 * statements, each answering its counts; unchanged rows are not touched. Each statement
 * lives in the class of the table it writes ({@link Companies}, {@link BillTos},
 * {@link Contracts}, {@link Serials}); this runs them in their order (companies before
 * the rows that name them, Bill-to IDs before the contracts in them, contracts before
 * their serials), one import at a time. Once committed, {@link RegistryChanged} tells who
 * cares (roles follow from who administers what).
 */
@Component
class RegistryMerge {

	/** Merges of two imports at once would wait on each other's rows, or deadlock. */
	private static final long MERGE_LOCK = 0x7265_6769_7374_7279L;

	private static final String LOCK = """
			SELECT pg_advisory_xact_lock(:lock)
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final Companies companies;

	private final BillTos billTos;

	private final Contracts contracts;

	private final Serials serials;

	private final ApplicationEventPublisher events;

	RegistryMerge(DatabaseClient db, TransactionalOperator transactions, Companies companies, BillTos billTos,
			Contracts contracts, Serials serials, ApplicationEventPublisher events) {
		this.events = events;
		this.db = db;
		this.transactions = transactions;
		this.companies = companies;
		this.billTos = billTos;
		this.contracts = contracts;
		this.serials = serials;
	}

	Mono<ImportSummary> merge(UUID job) {
		Mono<ImportSummary> merge = this.db.sql(LOCK)
			.bind("lock", MERGE_LOCK)
			.then()
			.then(this.companies.mergeStaged(job))
			.flatMap((companies) -> this.billTos.mergeStaged(job)
				.flatMap((billTos) -> this.contracts.mergeStaged(job)
					.flatMap((contracts) -> this.serials.mergeStaged(job)
						.map((serials) -> new ImportSummary(companies, billTos, contracts, serials)))));
		return merge.as(this.transactions::transactional)
			.doOnSuccess((summary) -> this.events.publishEvent(RegistryChanged.INSTANCE));
	}

}
