package org.accessdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes every thread's stack to {@code target/thread-dumps/} when a test has run for
 * {@value #AFTER_SECONDS} s: a request that hangs (no answer for 30 s) leaves the
 * evidence of what the service was doing meanwhile instead of only a client-side timeout.
 * Registered for every test (META-INF/services, autodetection in
 * junit-platform.properties); it never fails a test.
 */
public final class SlowTestThreadDumps implements BeforeEachCallback, AfterEachCallback {

	static final long AFTER_SECONDS = 25;

	private static final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "slow-test-thread-dumps");
		thread.setDaemon(true);
		return thread;
	});

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SlowTestThreadDumps.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		ScheduledFuture<?> dump = timer.schedule(() -> dump(name), AFTER_SECONDS, TimeUnit.SECONDS);
		context.getStore(NAMESPACE).put("dump", dump);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ScheduledFuture<?> dump = context.getStore(NAMESPACE).remove("dump", ScheduledFuture.class);
		if (dump != null) {
			dump.cancel(false);
		}
	}

	private static void dump(String test) {
		StringBuilder out = new StringBuilder(
				"Threads of " + test + " after " + Duration.ofSeconds(AFTER_SECONDS) + "\n\n");
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				out.append("\tat ").append(frame).append('\n');
			}
			out.append('\n');
		}
		try {
			Path directory = Path.of("target", "thread-dumps");
			Files.createDirectories(directory);
			Path file = directory.resolve(test + "-" + System.currentTimeMillis() + ".txt");
			Files.writeString(file, out);
			System.out.println("Slow test " + test + ": thread dump in " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
