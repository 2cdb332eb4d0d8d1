/**
 * Accounts: sign-up, profile, roles, login, personal API tokens and the security
 * configuration.
 */
@NullMarked
package org.accessdesk.account;

import org.jspecify.annotations.NullMarked;
