package org.accessdesk.account;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.accessdesk.web.ProblemException;
import org.accessdesk.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.server.header.CrossOriginResourcePolicyServerHttpHeadersWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who may call what, and how they prove who they are (SPEC §9):
 * <ul>
 * <li>browsers sign in with the form ({@code POST /login}), get a session cookie, and
 * send the CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}) on every
 * change;</li>
 * <li>API clients and load testers send {@code Authorization: Bearer adt_…};</li>
 * <li>curl may send HTTP Basic.</li>
 * </ul>
 * Requests carrying an {@code Authorization} header need no CSRF token: a browser never
 * adds one by itself, because no answer here ever asks for Basic credentials (the
 * challenge is {@code Bearer}), so the browser never caches any. Every refusal is a
 * problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "SESSION";

	/**
	 * The browser UI (web-static/) is plain files from this origin: scripts and styles
	 * only from files, never inline, and nothing framed or posted elsewhere.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
			+ " frame-ancestors 'none'";

	/**
	 * Swagger UI's style sheets draw icons from {@code data:} images, and its script
	 * writes an inline style; scripts stay as strict as on the pages. No session reaches
	 * these paths (see {@link #apiDocsWebFilterChain}).
	 */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
		.replace("img-src 'self';", "img-src 'self' data:;")
		.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

	/** No page here uses a camera, a microphone, the location or payments. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	/**
	 * No Spring Security observations. With an observation registry present (Actuator),
	 * Spring Security wraps each of its filters, the authentication and the authorization
	 * in an observation of its own: about a dozen per request, whose wrappers an SSE
	 * stream holds for as long as it stays open (docs/BENCHMARKS.md). Requests are still
	 * observed once each as {@code http.server.requests} (streams aside, see
	 * StreamObservations).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ReactiveUserDetailsService accountUserDetails(Accounts accounts) {
		return (email) -> accounts.findByEmail(email)
			.flatMap((account) -> accounts.rolesOf(account).map((roles) -> (UserDetails) account.toUser(roles, true)));
	}

	/**
	 * Checks a password (form login and HTTP Basic) unless too many wrong ones came
	 * lately for the account or from the client ({@link PasswordGuessing}: shared by
	 * every instance). The delegate verifies on {@code boundedElastic}, so Argon2 never
	 * runs on an event-loop thread; the hash is dropped from the principal at once. The
	 * client's address comes from the exchange Spring Security puts in the Reactor
	 * context.
	 */
	@Bean
	ReactiveAuthenticationManager passwordAuthentication(ReactiveUserDetailsService users, PasswordEncoder encoder,
			PasswordGuessing guessing) {
		UserDetailsRepositoryReactiveAuthenticationManager delegate = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		delegate.setPasswordEncoder(encoder);
		return (authentication) -> Mono.deferContextual((context) -> {
			String address = context.getOrEmpty(ServerWebExchange.class)
				.map((exchange) -> ClientAddress.of(((ServerWebExchange) exchange).getRequest()))
				.orElse("unknown");
			return guessing.guard(String.valueOf(authentication.getName()), address,
					delegate.authenticate(authentication));
		}).map((result) -> {
			AccountUser user = ((AccountUser) result.getPrincipal()).withoutPassword();
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		});
	}

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
			.headers((headers) -> securityHeaders(headers, API_DOCS_CONTENT_SECURITY_POLICY))
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
			.headers((headers) -> securityHeaders(headers, CONTENT_SECURITY_POLICY))
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
			ReactiveAuthenticationManager passwordAuthentication, PersonalTokens tokens, Accounts accounts,
			ProblemResponses problems) {
		return http
			.securityMatcher(
					ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/me/events", "/api/review/events"))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/review/**")
				.hasAnyRole(Role.CONTRACT_ADMIN.name(), Role.VENDOR_REVIEWER.name())
				.anyExchange()
				.hasAuthority(AccountUser.PROVED_EMAIL))
			.addFilterAt(bearerTokens(tokens, problems), SecurityWebFiltersOrder.HTTP_BASIC)
			.httpBasic((basic) -> basic.authenticationManager(passwordAuthentication)
				.authenticationEntryPoint(badCredentials(problems)))
			.securityContextRepository(new SessionSecurityContexts(accounts, SESSION_COOKIE))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(unauthenticated(problems))
				.accessDeniedHandler(forbidden(problems)))
			.headers((headers) -> securityHeaders(headers, CONTENT_SECURITY_POLICY))
			.build();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ReactiveAuthenticationManager passwordAuthentication, PersonalTokens tokens, Accounts accounts,
			ProblemResponses problems, JsonMapper json, RateLimits rateLimits) {
		ServerAuthenticationEntryPoint unauthenticated = unauthenticated(problems);
		ServerAuthenticationEntryPoint badCredentials = badCredentials(problems);
		ServerAccessDeniedHandler forbidden = forbidden(problems);

		return http
			// Anyone: sign up, prove an address with a link, ask for and use a reset
			// link.
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/verification", "/api/password-reset",
						"/api/password-reset/confirm")
				.permitAll()
				.pathMatchers("/api/csrf")
				.permitAll()
				// Signed in, proved or not: look after one's own account (SPEC §2a).
				.pathMatchers(HttpMethod.GET, "/api/profile")
				.authenticated()
				.pathMatchers(HttpMethod.PUT, "/api/profile", "/api/profile/password")
				.authenticated()
				.pathMatchers(HttpMethod.POST, "/api/accounts/verification/resend")
				.authenticated()
				.pathMatchers(HttpMethod.DELETE, "/api/sessions")
				.authenticated()
				// Roles follow only from proved addresses (Roles).
				.pathMatchers("/api/registry/**", "/api/ops/**")
				.hasRole(Role.OPERATOR.name())
				.pathMatchers("/api/review/**")
				.hasAnyRole(Role.CONTRACT_ADMIN.name(), Role.VENDOR_REVIEWER.name())
				// Everything else: a proved address.
				.pathMatchers("/api/**")
				.hasAuthority(AccountUser.PROVED_EMAIL)
				.pathMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole(Role.OPERATOR.name())
				.anyExchange()
				.permitAll())
			// After the headers writer, so that a 429 carries the security headers too.
			.addFilterAfter(rateLimits.perAddress(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
			.addFilterAt(bearerTokens(tokens, problems), SecurityWebFiltersOrder.HTTP_BASIC)
			.addFilterAfter(rateLimits.perAccount(), SecurityWebFiltersOrder.AUTHORIZATION)
			.httpBasic((basic) -> basic.authenticationManager(passwordAuthentication)
				.authenticationEntryPoint(badCredentials))
			.formLogin((form) -> form.loginPage("/signin.html")
				.requiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"))
				.authenticationManager(passwordAuthentication)
				.authenticationSuccessHandler(signedIn(json))
				.authenticationFailureHandler(signInFailed(problems))
				.authenticationEntryPoint(unauthenticated))
			.securityContextRepository(new SessionSecurityContexts(accounts, SESSION_COOKIE))
			// Pages are public and the API answers JSON: nothing to come back to after
			// signing in, so no anonymous visitor gets a session of their own.
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(SecurityConfiguration::csrfRequired)
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
						"CSRF_REJECTED",
						"Missing or wrong CSRF token: read it from GET /api/csrf (or the XSRF-TOKEN cookie) and send it as X-XSRF-TOKEN.")))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
			.headers((headers) -> securityHeaders(headers, CONTENT_SECURITY_POLICY))
			.build();
	}

	private static ServerAuthenticationEntryPoint unauthenticated(ProblemResponses problems) {
		return (exchange, failure) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accessdesk\"");
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
					"Sign in, or send a personal API token (Authorization: Bearer …) or HTTP Basic credentials.");
		};
	}

	private static ServerAuthenticationEntryPoint badCredentials(ProblemResponses problems) {
		return (exchange, failure) -> {
			if (failure instanceof PasswordGuessing.TooManyPasswordGuesses tooMany) {
				return tooManyGuesses(problems, exchange, tooMany);
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accessdesk\"");
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
					"The email or password is not right.");
		};
	}

	/**
	 * 429 with {@code Retry-After}, the same for an account that exists and one that does
	 * not. The password was not checked.
	 */
	private static Mono<Void> tooManyGuesses(ProblemResponses problems, ServerWebExchange exchange,
			PasswordGuessing.TooManyPasswordGuesses tooMany) {
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, ProblemException.retryAfterSeconds(tooMany.retryAfter()));
		return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				"Too many wrong passwords for this account or from this address; try again later,"
						+ " or reset the password by mail.");
	}

	/**
	 * 403: {@code EMAIL_UNVERIFIED} for an account whose address is not proved yet (it
	 * may only look after itself, SPEC §2a), else {@code FORBIDDEN}.
	 */
	private static ServerAccessDeniedHandler forbidden(ProblemResponses problems) {
		return (exchange, denied) -> exchange.getPrincipal()
			.map((principal) -> (principal instanceof Authentication authentication
					&& authentication.getPrincipal() instanceof AccountUser user && !user.emailVerified()))
			.defaultIfEmpty(false)
			.flatMap((unproved) -> unproved
					? problems.write(exchange, HttpStatus.FORBIDDEN, "EMAIL_UNVERIFIED",
							"Confirm your email address first: follow the link we mailed you,"
									+ " or ask for a new one (POST /api/accounts/verification/resend).")
					: problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your account may not do this."));
	}

	/**
	 * Spring Security's defaults (nosniff, {@code X-Frame-Options: DENY}, no caching of
	 * answers, HSTS over https only) plus a policy for content, referrers, browser
	 * features and cross-origin use: nothing here is meant to be embedded or opened by
	 * another site.
	 */
	private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, String contentSecurityPolicy) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			// Spring Security's permissionsPolicy(…) is deprecated; the header is static
			// anyway.
			.writer(StaticServerHttpHeadersWriter.builder().header("Permissions-Policy", PERMISSIONS_POLICY).build())
			.crossOriginOpenerPolicy((opener) -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.crossOriginResourcePolicy((resource) -> resource.policy(CrossOriginResourcePolicy.SAME_ORIGIN));
	}

	/** {@code Authorization: Bearer adt_…}: stateless, checked on every request. */
	private static AuthenticationWebFilter bearerTokens(PersonalTokens tokens, ProblemResponses problems) {
		ReactiveAuthenticationManager manager = (presented) -> tokens
			.authenticate(String.valueOf(presented.getCredentials()))
			.map((user) -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.getAuthorities()))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API token")));
		AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
		filter.setServerAuthenticationConverter((exchange) -> {
			String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return Mono.empty();
			}
			return Mono
				.just(UsernamePasswordAuthenticationToken.unauthenticated("api-token", header.substring(7).strip()));
		});
		filter.setAuthenticationFailureHandler((filterExchange, failure) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accessdesk\", error=\"invalid_token\"");
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
					"The API token is unknown or has been revoked.");
		});
		return filter;
	}

	/**
	 * Cookie-borne changes need the CSRF token: any change that comes with the session
	 * cookie, and signing in and out (so nobody can sign a victim into an account of
	 * theirs). A request with neither a session cookie nor the sign-in form carries no
	 * authority a forger could borrow: it is anonymous and gets a 401. One with its own
	 * {@code Authorization} header cannot be forged by a browser.
	 */
	private static Mono<ServerWebExchangeMatcher.MatchResult> csrfRequired(ServerWebExchange exchange) {
		var request = exchange.getRequest();
		if (SAFE_METHODS.contains(request.getMethod())
				|| request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return ServerWebExchangeMatcher.MatchResult.notMatch();
		}
		String path = request.getPath().value();
		boolean required = request.getCookies().containsKey(SESSION_COOKIE) || "/login".equals(path)
				|| "/logout".equals(path);
		return required ? ServerWebExchangeMatcher.MatchResult.match()
				: ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	/**
	 * A script (Accept: JSON) gets 200 and who signed in; a plain HTML form is sent to
	 * the start page.
	 */
	private static ServerAuthenticationSuccessHandler signedIn(JsonMapper json) {
		return (filterExchange, authentication) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (!wantsJson(exchange)) {
				return redirect(exchange, "/");
			}
			AccountUser user = (AccountUser) authentication.getPrincipal();
			byte[] body = json.writeValueAsBytes(Map.of("email", user.email(), "roles", user.roles()));
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return exchange.getResponse()
				.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap(body)));
		};
	}

	private static ServerAuthenticationFailureHandler signInFailed(ProblemResponses problems) {
		return (filterExchange, failure) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (failure instanceof PasswordGuessing.TooManyPasswordGuesses tooMany) {
				return wantsJson(exchange) ? tooManyGuesses(problems, exchange, tooMany)
						: redirect(exchange, "/signin.html?throttled");
			}
			if (!wantsJson(exchange)) {
				return redirect(exchange, "/signin.html?error");
			}
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
					"The email or password is not right.");
		};
	}

	private static ServerLogoutSuccessHandler signedOut() {
		return (filterExchange, authentication) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			if (!wantsJson(exchange)) {
				return redirect(exchange, "/signin.html?signedOut");
			}
			exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
			return exchange.getResponse().setComplete();
		};
	}

	private static boolean wantsJson(ServerWebExchange exchange) {
		return exchange.getRequest()
			.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType());
	}

	private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(location));
		return exchange.getResponse().setComplete();
	}

}
