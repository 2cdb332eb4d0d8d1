/**
 * Web plumbing shared by every module: RFC 9457 problem responses with a stable
 * {@code code}, request size limits, and serving the browser UI from {@code web-static/}.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.accessdesk.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
