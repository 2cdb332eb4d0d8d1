package org.accessdesk.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxImportSize the largest upload {@code POST /api/registry/import} accepts
 * (every other request body is limited to 64 KiB)
 * @param immediateImportSize uploads whose {@code Content-Length} is at most this are
 * imported while the request waits and answered 200 with the summary; larger ones, and
 * uploads of unknown length, are stored to a temporary file and answered 202 with a job
 * @param importBatchSize rows per statement into the staging tables
 * @param importStaleAfter a running import whose instance has not touched it for this
 * long is taken for dead and marked FAILED
 * @param maxImportErrors bad rows named in one failed import; reading stops after these
 * @param importSweepInterval how often every instance looks for imports whose instance
 * stopped (and at start-up)
 */
@ConfigurationProperties("accessdesk.registry")
public record RegistryProperties(@DefaultValue("200MB") DataSize maxImportSize,
		@DefaultValue("1MB") DataSize immediateImportSize, @DefaultValue("5000") int importBatchSize,
		@DefaultValue("2m") Duration importStaleAfter, @DefaultValue("100") int maxImportErrors,
		@DefaultValue("1m") Duration importSweepInterval) {

	/** How often a running import shows it is alive: well inside the stale limit. */
	Duration importHeartbeat() {
		Duration quarter = this.importStaleAfter.dividedBy(4);
		return (quarter.compareTo(Duration.ofSeconds(10)) < 0) ? quarter : Duration.ofSeconds(10);
	}

}
