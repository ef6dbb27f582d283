package io.spotbridge.ingress;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Prints every thread of this JVM (the ingress under test runs in it) when a SCIM call got no answer in time, so that
 * the cause of the rare stall still under investigation can be read from the test output (failsafe's
 * {@code *-output.txt}) the next time it happens.
 */
public final class StallDiagnostics {

	private StallDiagnostics() {
	}

	public static void dumpThreads(String call) {
		StringBuilder dump = new StringBuilder("=== STALL: no answer to " + call + "; threads of this JVM:\n");
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
		}
		long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
		dump.append("=== deadlocked threads: ").append(deadlocked == null ? 0 : deadlocked.length).append('\n');
		System.out.println(dump);
	}

}
