/**
 * System mail (SPEC §7): listens to the one door and to the service levels through their
 * ports and writes the transactional outbox in their transactions; the ja / en templates;
 * the dispatcher that sends what is due, once.
 */
@ApplicationModule(allowedDependencies = { "request", "review", "account", "registry", "web" })
@NullMarked
package org.accessdesk.mail;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
