/**
 * The {@code demo} profile: demo accounts for every role and registry data that reaches
 * every rule of the decision table. Never on unless asked for.
 */
@NullMarked
package org.accessdesk.demo;

import org.jspecify.annotations.NullMarked;
