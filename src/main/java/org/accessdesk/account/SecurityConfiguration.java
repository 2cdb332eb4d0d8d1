package org.accessdesk.account;

import org.accessdesk.account.web.AuthenticationProblems;
import org.accessdesk.account.web.SecurityHeaders;
import org.accessdesk.account.web.SignInResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The filter chains, and how callers prove who they are (SPEC §9):
 * <ul>
 * <li>browsers sign in with the form ({@code POST /login}), get a session cookie, and
 * send the CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}) on every
 * change;</li>
 * <li>API clients and load testers send {@code Authorization: Bearer adt_…}
 * ({@link BearerTokens});</li>
 * <li>curl may send HTTP Basic.</li>
 * </ul>
 * Who may call what is {@link AccessRules}; how refusals are answered,
 * {@link AuthenticationProblems}; the headers, {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "SESSION";

	/**
	 * The OpenAPI document and Swagger UI: public reading, like any API reference, with
	 * no session, no CSRF and no credentials of their own (trying a call out from Swagger
	 * UI goes to {@code /api/**} under the main chain).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain apiDocsWebFilterChain(ServerHttpSecurity http) {
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers((headers) -> SecurityHeaders.apply(headers, SecurityHeaders.API_DOCS_CONTENT_SECURITY_POLICY))
			.build();
	}

	/**
	 * The two SSE streams: GET only, so no CSRF, no sign-in form, no sign-out, no saved
	 * requests, no rate limits — a shorter filter chain, which every open stream holds on
	 * the heap for as long as it stays open (docs/BENCHMARKS.md). The same credentials
	 * and rules as under the main chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain streamsWebFilterChain(ServerHttpSecurity http,
			ReactiveAuthenticationManager guardedPasswordCheck, PersonalTokens tokens, Accounts accounts,
			AuthenticationProblems problems) {
		return http
			.securityMatcher(
					ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/me/events", "/api/review/events"))
			.authorizeExchange(AccessRules::apply)
			.addFilterAt(BearerTokens.filter(tokens, problems.invalidToken()), SecurityWebFiltersOrder.HTTP_BASIC)
			.httpBasic((basic) -> basic.authenticationManager(guardedPasswordCheck)
				.authenticationEntryPoint(problems.badCredentials()))
			.securityContextRepository(new SessionSecurityContexts(accounts, SESSION_COOKIE))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems.unauthenticated())
				.accessDeniedHandler(problems.forbidden()))
			.headers(SecurityHeaders::apply)
			.build();
	}

	/**
	 * The browser UI's files (everything read that is not the API, sign-in/out, the
	 * actuator or the API docs): public, so no session is looked up and nothing else
	 * either — a page, a script or a style sheet is served straight from the connection's
	 * own event loop, with the same headers as everything else.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityWebFilterChain pagesWebFilterChain(ServerHttpSecurity http) {
		return http
			.securityMatcher(
					new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**"),
							new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**",
									"/actuator", "/actuator/**", "/login", "/logout"))))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(SecurityHeaders::apply)
			.build();
	}

	/** The API, sign-in and sign-out, and the actuator. */
	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveAuthenticationManager guardedPasswordCheck, PersonalTokens tokens, Accounts accounts,
			AuthenticationProblems problems, SignInResponses signIn, RateLimits rateLimits) {
		return http.authorizeExchange(AccessRules::apply)
			// After the headers writer, so that a 429 carries the security headers too.
			.addFilterAfter(rateLimits.perAddress(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
			.addFilterAt(BearerTokens.filter(tokens, problems.invalidToken()), SecurityWebFiltersOrder.HTTP_BASIC)
			.addFilterAfter(rateLimits.perAccount(), SecurityWebFiltersOrder.AUTHORIZATION)
			.httpBasic((basic) -> basic.authenticationManager(guardedPasswordCheck)
				.authenticationEntryPoint(problems.badCredentials()))
			.formLogin((form) -> form.loginPage("/signin.html")
				.requiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"))
				.authenticationManager(guardedPasswordCheck)
				.authenticationSuccessHandler(signIn.signedIn())
				.authenticationFailureHandler(signIn.signInFailed())
				.authenticationEntryPoint(problems.unauthenticated()))
			.securityContextRepository(new SessionSecurityContexts(accounts, SESSION_COOKIE))
			// Pages are public and the API answers JSON: nothing to come back to after
			// signing in, so no anonymous visitor gets a session of their own.
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(signIn.signedOut()))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher((exchange) -> AccessRules.csrfRequired(exchange, SESSION_COOKIE))
				.accessDeniedHandler(problems.csrfRejected()))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems.unauthenticated())
				.accessDeniedHandler(problems.forbidden()))
			.headers(SecurityHeaders::apply)
			.build();
	}

}
