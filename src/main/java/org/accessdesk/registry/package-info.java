/**
 * The registry: companies, contracts, Bill-to IDs, serial numbers and their
 * administrators; import and identifier normalisation.
 */
@NullMarked
package org.accessdesk.registry;

import org.jspecify.annotations.NullMarked;
