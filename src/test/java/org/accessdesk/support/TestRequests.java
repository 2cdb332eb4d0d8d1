package org.accessdesk.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accessdesk.support.TestAccounts.Person;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Access requests submitted through the API, as a test's starting point. */
public final class TestRequests {

	private TestRequests() {
	}

	/** Submits and answers the created request (201 expected). */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> submit(WebTestClient client, Person person, String kind, String type,
			List<String> identifiers, @Nullable String justification) {
		Map<String, Object> body = new HashMap<>(
				Map.of("kind", kind, "identifierType", type, "identifiers", identifiers));
		if (justification != null) {
			body.put("justification", justification);
		}
		return client.post()
			.uri("/api/access-requests")
			.headers(person.basic())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** Submits one identifier and answers the id of its item. */
	public static String submitOne(WebTestClient client, Person person, String kind, String type, String identifier) {
		return itemIds(submit(client, person, kind, type, List.of(identifier), null)).get(0);
	}

	/** The ids of a request's items, in order. */
	@SuppressWarnings("unchecked")
	public static List<String> itemIds(Map<String, Object> request) {
		return ((List<Map<String, Object>>) request.get("items")).stream()
			.map((item) -> (String) item.get("id"))
			.toList();
	}

}
