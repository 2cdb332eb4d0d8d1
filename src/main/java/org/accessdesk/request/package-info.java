/**
 * Access requests: submission, the decision table, items, and the one door through which
 * every status change passes.
 */
@NullMarked
package org.accessdesk.request;

import org.jspecify.annotations.NullMarked;
