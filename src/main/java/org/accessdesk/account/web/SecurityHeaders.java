package org.accessdesk.account.web;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.server.header.CrossOriginResourcePolicyServerHttpHeadersWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;

/**
 * The headers every answer carries: Spring Security's defaults (nosniff,
 * {@code X-Frame-Options: DENY}, no caching of answers, HSTS over https only) plus a
 * policy for content, referrers, browser features and cross-origin use — nothing here is
 * meant to be embedded or opened by another site.
 */
public final class SecurityHeaders {

	/**
	 * The browser UI (web-static/) is plain files from this origin: scripts and styles
	 * only from files, never inline, and nothing framed or posted elsewhere.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
			+ " frame-ancestors 'none'";

	/**
	 * Swagger UI's style sheets draw icons from {@code data:} images, and its script
	 * writes an inline style; scripts stay as strict as on the pages. No session reaches
	 * these paths.
	 */
	public static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
		.replace("img-src 'self';", "img-src 'self' data:;")
		.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

	/** No page here uses a camera, a microphone, the location or payments. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	/** The headers of the pages and the API. */
	public static void apply(ServerHttpSecurity.HeaderSpec headers) {
		apply(headers, CONTENT_SECURITY_POLICY);
	}

	/** The same with another content policy (the API docs). */
	public static void apply(ServerHttpSecurity.HeaderSpec headers, String contentSecurityPolicy) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			// Spring Security's permissionsPolicy(…) is
			// deprecated; the header is static anyway.
			.writer(StaticServerHttpHeadersWriter.builder().header("Permissions-Policy", PERMISSIONS_POLICY).build())
			.crossOriginOpenerPolicy((opener) -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.crossOriginResourcePolicy((resource) -> resource.policy(CrossOriginResourcePolicy.SAME_ORIGIN));
	}

}
