package org.accessdesk.request;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accessdesk.support.IntegrationTest;
import org.accessdesk.support.TestAccounts;
import org.accessdesk.support.TestAccounts.Person;
import org.accessdesk.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad requests against the request API: each gets the right 4xx problem with
 * a stable code — never a 500 — and writes nothing (checked in the database).
 */
@IntegrationTest
class BadRequestCorpusTests {

	private static final String OK_START = "{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"CONTRACT\",";

	private static final String THEIR_REQUEST = "{their-request}";

	private static final String THEIR_ITEM = "{their-item}";

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	Person person;

	/** Another account's request and its waiting item. */
	String theirRequest;

	String theirItem;

	String theirStatus;

	@BeforeEach
	void setUp() {
		TestAccounts accounts = new TestAccounts(this.client);
		this.person = accounts.customer("Corpus Corp");
		Map<String, Object> theirs = TestRequests.submit(this.client, accounts.customer("Their Corp"), "ORDERING",
				"BILL_TO", List.of("3000003"), null);
		this.theirRequest = (String) theirs.get("id");
		Map<?, ?> item = (Map<?, ?>) ((List<?>) theirs.get("items")).get(0);
		this.theirItem = (String) item.get("id");
		this.theirStatus = (String) item.get("status");
	}

	static Stream<Arguments> corpus() {
		return Stream.of(
				// the body as JSON
				bad("malformed JSON", "{\"kind\":", 400, "MALFORMED_REQUEST"),
				bad("trailing garbage", OK_START + "\"identifiers\":\"1\"} x", 400, "MALFORMED_REQUEST"),
				bad("empty body", "", 400, "MALFORMED_REQUEST"), bad("null body", "null", 400, "MALFORMED_REQUEST"),
				bad("an array", "[]", 400, "MALFORMED_REQUEST"),
				bad("a string", "\"FULL_SUPPORT\"", 400, "MALFORMED_REQUEST"),
				bad("unknown field", OK_START + "\"identifiers\":\"1\",\"admin\":true}", 400, "UNKNOWN_FIELD"),
				bad("unknown field status", OK_START + "\"identifiers\":\"1\",\"status\":\"APPROVED\"}", 400,
						"UNKNOWN_FIELD"),
				bad("kind of wrong type", "{\"kind\":1,\"identifierType\":\"CONTRACT\",\"identifiers\":\"1\"}", 400,
						"MALFORMED_REQUEST"),
				bad("unknown kind", "{\"kind\":\"EVERYTHING\",\"identifierType\":\"CONTRACT\",\"identifiers\":\"1\"}",
						400, "MALFORMED_REQUEST"),
				bad("lower-case kind",
						"{\"kind\":\"full_support\",\"identifierType\":\"CONTRACT\",\"identifiers\":\"1\"}", 400,
						"MALFORMED_REQUEST"),
				bad("unknown identifier type",
						"{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"IBAN\",\"identifiers\":\"1\"}", 400,
						"MALFORMED_REQUEST"),
				bad("missing kind", "{\"identifierType\":\"CONTRACT\",\"identifiers\":\"1\"}", 400,
						"VALIDATION_FAILED"),
				bad("missing identifier type", "{\"kind\":\"FULL_SUPPORT\",\"identifiers\":\"1\"}", 400,
						"VALIDATION_FAILED"),
				bad("missing identifiers", "{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"CONTRACT\"}", 400,
						"VALIDATION_FAILED"),
				bad("identifiers a number", OK_START + "\"identifiers\":91000001}", 400, "MALFORMED_REQUEST"),
				bad("identifiers an object", OK_START + "\"identifiers\":{\"a\":\"1\"}}", 400, "MALFORMED_REQUEST"),
				bad("identifiers with a number inside", OK_START + "\"identifiers\":[\"1\",2]}", 400,
						"MALFORMED_REQUEST"),
				bad("identifiers nested", OK_START + "\"identifiers\":[[\"1\"]]}", 400, "MALFORMED_REQUEST"),
				bad("identifiers with null", OK_START + "\"identifiers\":[null]}", 400, "MALFORMED_REQUEST"),
				bad("autoRetry a string", OK_START + "\"identifiers\":\"1\",\"autoRetry\":\"yes\"}", 400,
						"MALFORMED_REQUEST"),
				bad("justification a number", OK_START + "\"identifiers\":\"1\",\"justification\":5}", 400,
						"MALFORMED_REQUEST"),
				// the identifiers themselves
				bad("empty list", OK_START + "\"identifiers\":[]}", 400, "VALIDATION_FAILED"),
				bad("empty string", OK_START + "\"identifiers\":\"\"}", 400, "VALIDATION_FAILED"),
				bad("only separators", OK_START + "\"identifiers\":\" ,、，\\n \"}", 400, "VALIDATION_FAILED"),
				bad("51 identifiers", OK_START + "\"identifiers\":\"" + numbers(51) + "\"}", 400, "VALIDATION_FAILED"),
				bad("letters in a contract number", OK_START + "\"identifiers\":\"9100ABC\"}", 400,
						"INVALID_IDENTIFIER"),
				bad("21 digits", OK_START + "\"identifiers\":\"123456789012345678901\"}", 400, "INVALID_IDENTIFIER"),
				bad("SQL fragment", OK_START + "\"identifiers\":\"1; DROP TABLE access_item; --\"}", 400,
						"INVALID_IDENTIFIER"),
				bad("quote injection", OK_START + "\"identifiers\":\"1' OR '1'='1\"}", 400, "INVALID_IDENTIFIER"),
				bad("script fragment", OK_START + "\"identifiers\":\"<script>alert(1)</script>\"}", 400,
						"INVALID_IDENTIFIER"),
				bad("control character", OK_START + "\"identifiers\":\"9100\\u00000001\"}", 400, "INVALID_IDENTIFIER"),
				bad("one good one bad", OK_START + "\"identifiers\":[\"91000001\",\"x\"]}", 400, "INVALID_IDENTIFIER"),
				bad("over-long serial",
						"{\"kind\":\"DOWNLOAD_ONLY\",\"identifierType\":\"SERIAL\",\"identifiers\":\"" + "A".repeat(41)
								+ "\"}",
						400, "INVALID_IDENTIFIER"),
				bad("serial with a slash",
						"{\"kind\":\"DOWNLOAD_ONLY\",\"identifierType\":\"SERIAL\",\"identifiers\":\"AB/12\"}", 400,
						"INVALID_IDENTIFIER"),
				bad("over-long raw string", OK_START + "\"identifiers\":\"" + "1".repeat(2001) + "\"}", 400,
						"VALIDATION_FAILED"),
				// kind against type
				bad("full support by serial",
						"{\"kind\":\"FULL_SUPPORT\",\"identifierType\":\"SERIAL\",\"identifiers\":\"AB-12\"}", 400,
						"KIND_TYPE_MISMATCH"),
				bad("download-only by Bill-to",
						"{\"kind\":\"DOWNLOAD_ONLY\",\"identifierType\":\"BILL_TO\",\"identifiers\":\"3000001\"}", 400,
						"KIND_TYPE_MISMATCH"),
				bad("ordering by serial",
						"{\"kind\":\"ORDERING\",\"identifierType\":\"SERIAL\",\"identifiers\":\"AB-12\"}", 400,
						"KIND_TYPE_MISMATCH"),
				// justification
				bad("over-long justification",
						OK_START + "\"identifiers\":\"1\",\"justification\":\"" + "x".repeat(1001) + "\"}", 400,
						"VALIDATION_FAILED"),
				bad("justification with a bell", OK_START + "\"identifiers\":\"1\",\"justification\":\"a\\u0007b\"}",
						400, "VALIDATION_FAILED"),
				// headers
				badWithKey("Idempotency-Key with spaces", "a key with spaces", 400, "VALIDATION_FAILED"),
				badWithKey("over-long Idempotency-Key", "k".repeat(201), 400, "VALIDATION_FAILED"),
				badMediaType("form instead of JSON", MediaType.APPLICATION_FORM_URLENCODED, 415,
						"UNSUPPORTED_MEDIA_TYPE"),
				badMediaType("text instead of JSON", MediaType.TEXT_PLAIN, 415, "UNSUPPORTED_MEDIA_TYPE"),
				bad("body over 64 KiB",
						OK_START + "\"identifiers\":\"1\",\"justification\":\"" + "x".repeat(70_000) + "\"}", 413,
						"PAYLOAD_TOO_LARGE"),
				// who asks
				Arguments.of("no credentials", "NONE", null, "/api/access-requests",
						OK_START + "\"identifiers\":\"1\"}", MediaType.APPLICATION_JSON, 401, "UNAUTHENTICATED"),
				// THEIR_REQUEST, THEIR_ITEM: another account's real request and item
				Arguments.of("someone else's request", "BASIC", null, "/api/access-requests/" + THEIR_REQUEST, null,
						null, 404, "NOT_FOUND"),
				Arguments.of("someone else's request's events", "BASIC", null,
						"/api/access-requests/" + THEIR_REQUEST + "/events", null, null, 404, "NOT_FOUND"),
				Arguments.of("someone else's item", "BASIC", null, "/api/items/" + THEIR_ITEM + "/withdraw", "",
						MediaType.APPLICATION_JSON, 404, "NOT_FOUND"),
				Arguments.of("an item nobody has", "BASIC", null,
						"/api/items/" + java.util.UUID.randomUUID() + "/withdraw", "", MediaType.APPLICATION_JSON, 404,
						"NOT_FOUND"),
				Arguments.of("a request id that is no id", "BASIC", null, "/api/access-requests/123", null, null, 400,
						"MALFORMED_REQUEST"),
				Arguments.of("a status filter that is no status", "BASIC", null, "/api/access-requests?status=HAPPY",
						null, null, 400, "VALIDATION_FAILED"),
				Arguments.of("a page size of 1000", "BASIC", null, "/api/access-requests?size=1000", null, null, 400,
						"VALIDATION_FAILED"),
				Arguments.of("an unknown access kind filter", "BASIC", null, "/api/access?kind=ALL", null, null, 400,
						"VALIDATION_FAILED"));
	}

	private static Arguments bad(String name, String body, int status, String code) {
		return Arguments.of(name, "BASIC", null, "/api/access-requests", body, MediaType.APPLICATION_JSON, status,
				code);
	}

	private static Arguments badWithKey(String name, String key, int status, String code) {
		return Arguments.of(name, "BASIC", key, "/api/access-requests", OK_START + "\"identifiers\":\"1\"}",
				MediaType.APPLICATION_JSON, status, code);
	}

	private static Arguments badMediaType(String name, MediaType type, int status, String code) {
		return Arguments.of(name, "BASIC", null, "/api/access-requests", "kind=FULL_SUPPORT", type, status, code);
	}

	private static String numbers(int count) {
		StringBuilder numbers = new StringBuilder();
		for (int i = 0; i < count; i++) {
			numbers.append(i == 0 ? "" : ",").append(91_000_000 + i);
		}
		return numbers.toString();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void aBadRequestIsAProblemAndWritesNothing(String name, String auth, String idempotencyKey, String path,
			String body, MediaType type, int status, String code) {
		WebTestClient.RequestBodySpec request = this.client.method((body == null) ? HttpMethod.GET : HttpMethod.POST)
			.uri(path.replace(THEIR_REQUEST, this.theirRequest).replace(THEIR_ITEM, this.theirItem));
		if ("BASIC".equals(auth)) {
			request.headers(this.person.basic());
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		WebTestClient.RequestHeadersSpec<?> ready = request;
		if (body != null) {
			ready = request.contentType(type).bodyValue(body);
		}
		ready.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.status")
			.isEqualTo(status);
		Long written = this.db
			.sql("SELECT (SELECT count(*) FROM access_request r JOIN account a ON a.id = r.account_id WHERE a.email = :email)"
					+ " + (SELECT count(*) FROM item_event e JOIN account a ON a.id = e.account_id WHERE a.email = :email)")
			.bind("email", this.person.email())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(written).as(name).isZero();
		// The other account's item is as it was.
		assertThat(this.db.sql("SELECT status FROM access_item WHERE id = :id::uuid")
			.bind("id", this.theirItem)
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).as(name).isEqualTo(this.theirStatus);
	}

}
