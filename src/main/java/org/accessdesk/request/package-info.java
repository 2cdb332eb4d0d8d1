/**
 * Access requests: submission, the decision table, items, and the one door through which
 * every status change passes. The door tells its
 * {@link org.accessdesk.request.StatusListener}s (mail, and whatever channel comes next)
 * inside its transaction and knows none of them.
 */
@ApplicationModule(allowedDependencies = { "account", "registry", "web" })
@NullMarked
package org.accessdesk.request;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
