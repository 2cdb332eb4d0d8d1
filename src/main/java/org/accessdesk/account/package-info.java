/**
 * Accounts: sign-up, profile, roles, login, personal API tokens and the security
 * configuration.
 */
@ApplicationModule(allowedDependencies = { "registry", "web" })
@NullMarked
package org.accessdesk.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
