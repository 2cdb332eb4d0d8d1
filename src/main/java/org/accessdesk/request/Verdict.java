package org.accessdesk.request;

/** What a reviewer decides about a waiting item. */
public enum Verdict {

	APPROVE(LifecycleAction.APPROVE), DENY(LifecycleAction.DENY);

	private final LifecycleAction action;

	Verdict(LifecycleAction action) {
		this.action = action;
	}

	LifecycleAction action() {
		return this.action;
	}

}
