package org.accessdesk.registry;

/** How an upload is written: the JSON document of SPEC §3, or one list as CSV. */
public enum ImportFormat {

	JSON, CSV

}
