package org.accessdesk.account.web;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Hands a browser (or a curl session with a cookie jar) its CSRF token; asking for it
 * also sets the {@code XSRF-TOKEN} cookie.
 */
@RestController
class CsrfController {

	@GetMapping("/api/csrf")
	Mono<CsrfView> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.empty();
		}
		return token.map((csrf) -> new CsrfView(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
	}

	record CsrfView(String headerName, String parameterName, String token) {
	}

}
