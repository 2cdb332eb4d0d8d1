package org.accessdesk.support;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Fails a test during which Netty reported a leaked buffer, naming the leak with its
 * access records ({@link NettyLeaks}). The buffer may have been dropped by an earlier
 * test: a leak is found when the garbage collector has taken the buffer, so the records,
 * not the test's name, say where it came from. Registered for every test
 * (META-INF/services, autodetection in junit-platform.properties), and as a listener of
 * the whole run, which starts the leak file afresh and looks once more after the last
 * test.
 */
public final class NettyLeakCheck implements AfterEachCallback, TestExecutionListener {

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> leaks = NettyLeaks.drain();
		if (!leaks.isEmpty()) {
			throw new AssertionError("Netty reported " + leaks.size()
					+ " leaked buffer(s) while this test ran (the access records say where each was used):\n\n"
					+ String.join("\n\n", leaks));
		}
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		NettyLeaks.startFile();
	}

	/**
	 * Leaks found after the last test have nothing to fail but the build: they are in the
	 * leak file, which the verify phase checks (pom.xml).
	 */
	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (!NettyLeaks.installed()) {
			return;
		}
		try {
			NettyLeaks.collectAndLook();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<String> leaks = NettyLeaks.drain();
		if (!leaks.isEmpty()) {
			System.err.println("Netty reported " + leaks.size() + " leaked buffer(s) after the last test:\n\n"
					+ String.join("\n\n", leaks));
		}
	}

}
