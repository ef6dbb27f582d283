package io.spotbridge.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command (such as promtool) to completion. */
public final class Commands {

	private Commands() {
	}

	/** What a command printed (stdout and stderr merged) and its exit code. */
	public record Result(List<String> command, int exitCode, String output) {

		public String describe() {
			return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
		}

	}

	public static Result run(Path workingDir, Duration timeout, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			byte[][] output = new byte[1][];
			Thread reader = new Thread(() -> {
				try {
					output[0] = process.getInputStream().readAllBytes();
				}
				catch (IOException ex) {
					output[0] = ("<cannot read output: " + ex + ">").getBytes(StandardCharsets.UTF_8);
				}
			}, "command-output");
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
			}
			reader.join(TimeUnit.SECONDS.toMillis(10));
			return new Result(command, process.exitValue(),
					output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
