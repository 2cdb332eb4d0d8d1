package org.accessdesk.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure in a controller: a problem while the response is still open; once a stream
 * has begun (its headers sent), the failure is passed on instead of touching headers that
 * can no longer change — which used to throw and break the connection.
 */
class ProblemHandlingTests {

	final ProblemHandling handling = new ProblemHandling();

	@Test
	void aFailureBeforeTheResponseBeganBecomesAProblem() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me/events"));
		StepVerifier.create(this.handling.handle(new IllegalStateException("boom"), exchange)).assertNext((answer) -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void aFailureAfterAStreamBeganIsPassedOnWithoutTouchingItsHeaders() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me/events"));
		exchange.getResponse().setComplete().block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().isCommitted()).isTrue();
		IllegalStateException failure = new IllegalStateException("pool exhausted");
		StepVerifier.create(this.handling.handle(failure, exchange))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify(Duration.ofSeconds(5));
	}

}
