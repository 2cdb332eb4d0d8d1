package org.accessdesk.registry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.SseClient;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry imports at scale (issue 13, item 3) over real HTTP into the real PostgreSQL:
 * uploads of 50,000 rows generated here and sent as a stream of chunks (no
 * Content-Length), answered 202 with a job that is followed to its end.
 */
@IntegrationTest
class LargeImportTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final Duration JOB = Duration.ofMinutes(3);

	static final int ROWS = 50_000;

	static final String CONTRACTS_HEADER = "number,company,billTo,supportModel,status,issuedAt,admins\n";

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory pool;

	@Autowired
	ImportJobs jobs;

	@LocalServerPort
	int port;

	TestAccounts accounts;

	Person operator;

	String base;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.client);
		this.operator = this.accounts.operator();
		this.base = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));
	}

	String contract(int i) {
		return this.base + String.format("%05d", i);
	}

	String contractRow(int i) {
		return contract(i) + ",Bulk Corp " + this.base + ",,DIRECT,ACTIVE,2026-01-01T00:00:00Z,admin" + (i % 7)
				+ "@bulk.example\n";
	}

	@Test
	void fiftyThousandContractsThenTheirSerialsAreJobsThatSucceedWithCounts() {
		ResponseEntity<Map<String, Object>> accepted = upload("/api/registry/import?list=contracts", "text/csv",
				CONTRACTS_HEADER, this::contractRow, ROWS, "");
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(accepted.getBody()).containsEntry("state", "RUNNING").containsEntry("format", "CSV");
		assertThat(((Number) accepted.getBody().get("bytes")).longValue())
			.isEqualTo(CONTRACTS_HEADER.length() + (long) ROWS * contractRow(0).length());
		String id = (String) accepted.getBody().get("id");
		assertThat(accepted.getHeaders().getLocation()).hasToString("/api/registry/imports/" + id);

		Map<String, Object> done = awaitEnd(id);
		assertThat(done).containsEntry("state", "SUCCEEDED")
			.containsEntry("phase", "DONE")
			.containsEntry("rowsRead", ROWS)
			.containsEntry("rowsWritten", ROWS + 1)
			.containsEntry("errors", List.of());
		assertThat(done.get("finishedAt")).isNotNull();
		assertThat(summary(done, "contracts")).containsEntry("inserted", ROWS);
		assertThat(summary(done, "companies")).containsEntry("inserted", 1);
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM contract_admin WHERE contract_number LIKE :p", this.base + "%"))
			.isEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM registry_import_contract WHERE job_id::text = :p", id)).isZero();

		// The same in JSON: a serial for every contract.
		ResponseEntity<Map<String, Object>> serials = upload("/api/registry/import", "application/json",
				"{\"serials\":[", (i) -> ((i > 0) ? "," : "") + "{\"serial\":\"sn-" + contract(i) + "\",\"contract\":\""
						+ contract(i) + "\"}",
				ROWS, "]}");
		assertThat(serials.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		Map<String, Object> serialsDone = awaitEnd((String) serials.getBody().get("id"));
		assertThat(serialsDone).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", ROWS);
		assertThat(summary(serialsDone, "serials")).containsEntry("inserted", ROWS);
		assertThat(count("SELECT count(*) FROM serial_number WHERE contract_number LIKE :p", this.base + "%"))
			.isEqualTo(ROWS);

		// Again, unchanged: nothing written.
		Map<String, Object> again = awaitEnd((String) upload("/api/registry/import?list=contracts", "text/csv",
				CONTRACTS_HEADER, this::contractRow, ROWS, "")
			.getBody()
			.get("id"));
		assertThat(again).containsEntry("state", "SUCCEEDED").containsEntry("rowsWritten", 0);
		assertThat(summary(again, "contracts")).containsEntry("unchanged", ROWS);
	}

	@Test
	void badRowsDeepInALargeFileFailTheJobNamingThemAndNothingIsWritten() {
		// Line 1 is the header, so contract i is on line i + 2.
		IntFunction<String> rows = (i) -> switch (i) {
			case 40_000 -> contract(i) + ",Bulk Corp " + this.base + ",,DIRECT,RUNNING,2026-01-01T00:00:00Z,\n";
			case 45_000 -> contract(i) + ",Bulk Corp " + this.base + ",,DIRECT,ACTIVE,yesterday,\n";
			default -> contractRow(i);
		};
		String id = (String) upload("/api/registry/import?list=contracts", "text/csv", CONTRACTS_HEADER, rows, ROWS, "")
			.getBody()
			.get("id");
		Map<String, Object> failed = awaitEnd(id);
		assertThat(failed).containsEntry("state", "FAILED")
			.containsEntry("rowsRead", ROWS)
			.containsEntry("rowsWritten", 0);
		assertThat(failed.get("summary")).isNull();
		assertThat(failed.get("errors")).isEqualTo(List.of(
				Map.of("row", "line 40002", "field", "status", "message", "must be one of ACTIVE, EXPIRED, TERMINATED"),
				Map.of("row", "line 45002", "field", "issuedAt", "message",
						"must be an ISO-8601 instant such as 2026-01-01T00:00:00Z")));
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isZero();
		assertThat(count("SELECT count(*) FROM company WHERE name = :p", "Bulk Corp " + this.base)).isZero();

		// A reference to nothing, found in staging: the row is named, nothing merged.
		String dangling = (String) upload("/api/registry/import", "application/json", "{\"contracts\":[",
				(i) -> ((i > 0) ? "," : "") + "{\"number\":\"" + contract(i) + "\",\"company\":\"Bulk Corp " + this.base
						+ "\",\"billTo\":\"" + ((i == 49_999) ? this.base + "9" : "") + "\","
						+ "\"supportModel\":\"PARTNER\",\"status\":\"ACTIVE\",\"issuedAt\":\"2026-01-01T00:00:00Z\"}",
				ROWS, "]}")
			.getBody()
			.get("id");
		Map<String, Object> unresolved = awaitEnd(dangling);
		assertThat(unresolved).containsEntry("state", "FAILED");
		assertThat(unresolved.get("errors")).isEqualTo(List.of(Map.of("row", "contracts[49999]", "field", "billTo",
				"message", "Bill-to ID " + this.base + "9 is neither in this upload nor in the registry")));
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isZero();
	}

	@Test
	void anUploadOverTheLimitIs413AndLeavesNoJob() {
		long before = count("SELECT count(*) FROM registry_import_job WHERE operator = :p", TestAccounts.OPERATOR);
		// 12 MB is the test profile's limit; sent in chunks, without a Content-Length.
		ResponseEntity<Map<String, Object>> refused = upload("/api/registry/import?list=contracts", "text/csv",
				CONTRACTS_HEADER, this::contractRow, 200_000, "");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("code", "PAYLOAD_TOO_LARGE");
		assertThat(count("SELECT count(*) FROM registry_import_job WHERE operator = :p", TestAccounts.OPERATOR))
			.isEqualTo(before);
		assertThat(count("SELECT count(*) FROM contract WHERE number LIKE :p", this.base + "%")).isZero();
	}

	@Test
	void liveStatusKeepsFlowingWhileAnImportHoldsItsMergeOpen() throws Exception {
		Person customer = this.accounts.customer("Import Live Corp");
		String token = this.accounts.token(customer);
		// A contract the import will change, locked here so that the import's merge stops
		// in the middle of its transaction, having written rows it has not committed.
		this.client.post()
			.uri("/api/registry/import?list=contracts")
			.headers(this.operator.basic())
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(CONTRACTS_HEADER + contractRow(0))
			.exchange()
			.expectStatus()
			.isOk();
		Connection locker = Mono.from(this.pool.create()).block(WAIT);
		try (SseClient stream = new SseClient(this.port, "/api/me/events", Person.bearer(token))) {
			stream.headers(WAIT);
			Mono.from(locker.beginTransaction()).block(WAIT);
			Flux.from(locker.createStatement("SELECT number FROM contract WHERE number = $1 FOR UPDATE")
				.bind("$1", contract(0))
				.execute()).concatMap((result) -> result.map((row, meta) -> 1)).blockLast(WAIT);

			IntFunction<String> rows = (i) -> (i == ROWS - 1) ? contractRow(0).replace("ACTIVE", "EXPIRED")
					: contractRow(i + 1);
			String id = (String) upload("/api/registry/import?list=contracts", "text/csv", CONTRACTS_HEADER, rows, ROWS,
					"")
				.getBody()
				.get("id");
			Awaitility.await("the import's merge waiting for the locked contract")
				.atMost(JOB)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> count(
						"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
								+ " AND wait_event_type = 'Lock' AND query LIKE :p",
						"%INSERT INTO contract (number%") > 0);

			List<Long> millis = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String item = submit(token, "8" + this.base + i).block(WAIT);
				SseClient.Received event = stream.next(WAIT);
				assertThat(event).as("a status event while the import's merge is open").isNotNull();
				assertThat(event.itemId()).isEqualTo(item);
				millis.add(Duration.between(Instant.parse((String) event.data().get("at")), event.at()).toMillis());
			}
			// A figure for the notes (issue 13 asks for it); the test asserts delivery.
			List<Long> sorted = millis.stream().sorted().toList();
			System.out.printf(
					"While an import's merge is held open: 20 transitions delivered, median %d ms, worst %d ms%n",
					sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
			assertThat(job(id)).containsEntry("state", "RUNNING").containsEntry("phase", "MERGING");

			Mono.from(locker.rollbackTransaction()).block(WAIT);
			assertThat(awaitEnd(id)).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", ROWS);
			assertThat(count("SELECT count(*) FROM contract WHERE number = :p AND status = 'EXPIRED'", contract(0)))
				.isOne();
		}
		finally {
			Mono.from(locker.close()).block(WAIT);
		}
	}

	@Test
	void aJobWhoseInstanceStoppedEndsFailedAndItsStagingGoes() {
		UUID id = UUID.randomUUID();
		this.db
			.sql("INSERT INTO registry_import_job (id, operator, format, list, bytes, background, state, phase,"
					+ " rows_read, started_at, heartbeat_at) VALUES (:id, 'ops@test.accessdesk.example', 'CSV',"
					+ " 'serials', 1000, true, 'RUNNING', 'READING', 10, now() - interval '1 hour',"
					+ " now() - interval '1 hour')")
			.bind("id", id)
			.then()
			.then(this.db
				.sql("INSERT INTO registry_import_serial (job_id, row_no, serial, contract) VALUES (:id, 2, 'AB', '1')")
				.bind("id", id)
				.then())
			.block(WAIT);
		// What every instance does at start-up and each minute (a scheduled sweep of
		// another test context may come first: the outcome is the same).
		this.jobs.sweep().block(WAIT);

		Map<String, Object> stopped = job(id.toString());
		assertThat(stopped).containsEntry("state", "FAILED").containsEntry("rowsRead", 10);
		assertThat(stopped.get("finishedAt")).isNotNull();
		assertThat((List<?>) stopped.get("errors")).singleElement()
			.satisfies((error) -> assertThat(((Map<?, ?>) error).get("message").toString())
				.startsWith("The instance running this import stopped"));
		assertThat(count("SELECT count(*) FROM registry_import_serial WHERE job_id::text = :p", id.toString()))
			.isZero();
	}

	@Test
	void jobsAreForOperatorsAndAnUnknownOneIsNotFound() {
		this.client.get()
			.uri("/api/registry/imports/{id}", UUID.randomUUID())
			.headers(this.operator.basic())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
		Person customer = this.accounts.customer("Curious Corp");
		this.client.get()
			.uri("/api/registry/imports/{id}", UUID.randomUUID())
			.headers(customer.basic())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/**
	 * Streams {@code head}, {@code count} generated rows and {@code tail} in chunks of a
	 * thousand rows: the upload is never whole in memory here either.
	 */
	ResponseEntity<Map<String, Object>> upload(String uri, String type, String head, IntFunction<String> row, int count,
			String tail) {
		Flux<DataBuffer> body = Flux.range(0, (count + 999) / 1000 + 2).map((chunk) -> {
			StringBuilder text = new StringBuilder();
			if (chunk == 0) {
				text.append(head);
			}
			else if (chunk <= (count + 999) / 1000) {
				for (int i = (chunk - 1) * 1000; i < Math.min(count, chunk * 1000); i++) {
					text.append(row.apply(i));
				}
			}
			else {
				text.append(tail);
			}
			return DefaultDataBufferFactory.sharedInstance.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
		});
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri(uri)
			.headers(this.operator.basic())
			.contentType(MediaType.parseMediaType(type))
			.body(BodyInserters.fromDataBuffers(body))
			.exchangeToMono((response) -> response.toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
			}))
			.block(JOB);
	}

	Map<String, Object> job(String id) {
		return this.client.get()
			.uri("/api/registry/imports/{id}", id)
			.headers(this.operator.basic())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> awaitEnd(String id) {
		return Awaitility.await("import " + id + " to end")
			.atMost(JOB)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> job(id), (job) -> !"RUNNING".equals(job.get("state")));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> summary(Map<String, Object> job, String list) {
		return (Map<String, Object>) ((Map<String, Object>) job.get("summary")).get(list);
	}

	Mono<String> submit(String token, String number) {
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/access-requests")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "FULL_SUPPORT", "identifierType", "CONTRACT", "identifiers", number))
			.retrieve()
			.bodyToMono(Map.class)
			.map((request) -> (String) ((Map<?, ?>) ((List<?>) request.get("items")).get(0)).get("id"));
	}

	long count(String sql, String parameter) {
		Long count = this.db.sql(sql).bind("p", parameter).map((row) -> row.get(0, Long.class)).one().block(WAIT);
		return (count == null) ? 0 : count;
	}

}
