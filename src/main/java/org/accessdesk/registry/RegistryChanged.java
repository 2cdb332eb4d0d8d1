package org.accessdesk.registry;

/**
 * An import's merge has committed: who administers what, and so who holds which role, may
 * have changed. Published on the instance that merged.
 */
public enum RegistryChanged {

	/** The one event: what changed is in the registry. */
	INSTANCE

}
