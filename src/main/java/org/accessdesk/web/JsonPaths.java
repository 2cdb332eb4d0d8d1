package org.accessdesk.web;

import tools.jackson.databind.DatabindException;

/** Where in a JSON document a binding failed, as a problem names the field. */
public final class JsonPaths {

	private JsonPaths() {
	}

	/** {@code items[2].name}, or empty when the failure has no path. */
	public static String of(DatabindException failure) {
		StringBuilder path = new StringBuilder();
		for (var reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
