package org.accessdesk.web;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code HEAD /} answered as {@code GET /} is. Boot serves the start page
 * ({@code index.html} of the static locations) to GET only, so a HEAD — a monitor's
 * probe, a link checker — got 404 for the one page every other page links to. The body is
 * the same resource; WebFlux leaves it out of a HEAD answer and keeps its length.
 */
@Configuration(proxyBeanMethods = false)
class WelcomePageForHead {

	@Bean
	RouterFunction<ServerResponse> headOfTheStartPage(WebProperties web, ResourceLoader resources) {
		Resource index = Arrays.stream(web.getResources().getStaticLocations())
			.map((location) -> resources.getResource(location + "index.html"))
			.filter(Resource::exists)
			.findFirst()
			.orElse(null);
		if (index == null) {
			return RouterFunctions.route(RequestPredicates.HEAD("/"), (request) -> ServerResponse.notFound().build());
		}
		return RouterFunctions.route(RequestPredicates.HEAD("/"),
				(request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index));
	}

}
