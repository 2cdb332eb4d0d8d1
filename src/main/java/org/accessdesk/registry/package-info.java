/**
 * The registry: companies, contracts, Bill-to IDs, serial numbers and their
 * administrators; import and identifier normalisation.
 */
@ApplicationModule(allowedDependencies = { "web" })
@NullMarked
package org.accessdesk.registry;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
