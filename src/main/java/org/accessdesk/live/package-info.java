/**
 * Live status: the doorbell (NOTIFY after commit, one LISTEN connection per instance),
 * the feed that reads final events from the table and fans them out, and the SSE
 * endpoints with Last-Event-ID replay.
 */
@ApplicationModule(allowedDependencies = { "request", "account", "registry", "web" })
@NullMarked
package org.accessdesk.live;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
