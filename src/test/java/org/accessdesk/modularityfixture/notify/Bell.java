package org.accessdesk.modularityfixture.notify;

/** A fixture module's API. */
public class Bell {

	public void ring() {
	}

}
