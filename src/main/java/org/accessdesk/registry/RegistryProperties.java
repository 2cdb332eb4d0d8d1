package org.accessdesk.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxImportSize the largest upload {@code POST /api/registry/import} accepts
 * (every other request body is limited to 64 KiB)
 */
@ConfigurationProperties("accessdesk.registry")
public record RegistryProperties(@DefaultValue("8MB") DataSize maxImportSize) {
}
