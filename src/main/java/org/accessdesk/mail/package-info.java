/**
 * System mail (SPEC §7): the transactional outbox that the one door writes into, the ja /
 * en templates, and the dispatcher that sends what is due, once.
 */
@NullMarked
package org.accessdesk.mail;

import org.jspecify.annotations.NullMarked;
