package org.accessdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param createIfMissing whether start-up creates the configured database when it does
 * not exist yet (a fresh PostgreSQL has only {@code postgres}); turn it off where the
 * role may not create databases, or where someone else owns that step
 */
@ConfigurationProperties("accessdesk.database")
record DatabaseProperties(@DefaultValue("true") boolean createIfMissing) {
}
