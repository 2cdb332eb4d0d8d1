/**
 * The {@code demo} profile: demo accounts for every role and registry data that reaches
 * every rule of the decision table. Never on unless asked for.
 */
@ApplicationModule(allowedDependencies = { "account", "registry", "web" })
@NullMarked
package org.accessdesk.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
