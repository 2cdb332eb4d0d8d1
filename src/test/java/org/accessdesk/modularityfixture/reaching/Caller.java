package org.accessdesk.modularityfixture.reaching;

import org.accessdesk.modularityfixture.notify.Bell;

/** Uses a module its package-info does not allow: ModularityTests expects a violation. */
public class Caller {

	void call(Bell bell) {
		bell.ring();
	}

}
