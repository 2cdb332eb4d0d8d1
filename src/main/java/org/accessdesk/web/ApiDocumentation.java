package org.accessdesk.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}); springdoc reads the operations from the controllers. The
 * schemes are the ones an API client uses: a personal token, or Basic for curl.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI accessDeskApi() {
		return new OpenAPI()
			.info(new Info().title("Access Desk")
				.version("v1")
				.description("Support-access requests for contracts, Bill-to IDs and serials. Errors are"
						+ " application/problem+json (RFC 9457) with a stable code."))
			.components(new Components()
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Personal API token: Authorization: Bearer adt_…"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
