/**
 * Reviews: the administrators' and the vendor desk's queues, their decisions, and the
 * service levels (the vendor's 6-hour deadline, the administrators' 48-hour reminder),
 * whose notices go to {@link org.accessdesk.review.ServiceLevelListener}s.
 */
@ApplicationModule(allowedDependencies = { "request", "account", "registry", "web" })
@NullMarked
package org.accessdesk.review;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
