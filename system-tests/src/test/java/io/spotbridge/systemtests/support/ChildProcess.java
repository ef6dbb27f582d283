package io.spotbridge.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running child process (a service JVM, Prometheus) whose output goes to a log file. {@link #close()} stops it
 * with SIGTERM, then SIGKILL after a grace period, and returns once it has exited; a JVM shutdown hook does the same
 * if the test JVM exits first.
 */
public final class ChildProcess implements AutoCloseable {

	private static final long GRACE_SECONDS = 30;

	private final String name;

	private final Process process;

	private final Path log;

	private final Thread shutdownHook;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.shutdownHook = new Thread(this::stop, "stop-" + name);
		Runtime.getRuntime().addShutdownHook(shutdownHook);
	}

	/**
	 * Starts the command in {@code workingDir} with the environment of this JVM plus {@code environment}, appending
	 * stdout and stderr to {@code log}.
	 */
	public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
			Path workingDir, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(workingDir);
			return new ChildProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + command, ex);
		}
	}

	public String name() {
		return name;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public Path log() {
		return log;
	}

	/** The last lines of the log, for failure messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "<cannot read " + log + ": " + ex + ">";
		}
	}

	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook runs (or ran) anyway
		}
	}

	private void stop() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return name + " (pid " + process.pid() + ", log " + log + ")";
	}

}
