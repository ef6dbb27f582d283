package io.spotbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot -exec jar (spot simulator, provisioner worker) as a child JVM on 127.0.0.1: the jar is copied to the
 * work directory first, output goes to {@code <name>.log}, and the process is registered in
 * {@link IngressProcess#RUNNING} so the harness's shutdown hook stops it.
 */
final class ChildJvm implements AutoCloseable {

	private final String name;

	private final Path jar;

	private final Path log;

	private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	ChildJvm(String name, Path execJar, Path workDir) {
		this.name = name;
		this.jar = workDir.resolve(name + "-exec.jar");
		this.log = workDir.resolve(name + ".log");
		try {
			Files.copy(execJar, jar, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + execJar, ex);
		}
	}

	/** {@code <module>/target/<module>-*-exec.jar} from the root or the benchmarks module; null when there is none. */
	static Path locateExecJar(String module) {
		for (Path dir : List.of(Path.of(module, "target"), Path.of("..", module, "target"))) {
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, module + "-*-exec.jar")) {
				for (Path candidate : jars) {
					return candidate.toAbsolutePath().normalize();
				}
			}
			catch (IOException ex) {
				// try the next place
			}
		}
		return null;
	}

	/** The {@code java} of the JVM running the harness: every child runs on the same Java. */
	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Starts the jar with {@code jvmArgs} (e.g. {@code --service-jvm-args}) after the harness's own options. */
	void start(String heap, List<String> jvmArgs, Map<String, String> env, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.add("-Xmx" + heap);
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot launch " + name, ex);
		}
		IngressProcess.RUNNING.add(process);
	}

	/** Polls the URL every 50 ms until it answers 200 (and, when given, the body contains {@code mustContain}). */
	void awaitHttp200(String url, String mustContain, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with code " + process.exitValue()
						+ " before it was ready; last lines of " + log + ":\n" + logTail(40));
			}
			try {
				HttpResponse<String> response = control.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && (mustContain == null || response.body().contains(mustContain))) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of "
				+ log + ":\n" + logTail(40));
	}

	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** SIGTERM, then SIGKILL after 20 s. */
	@Override
	public void close() {
		Process p = process;
		if (p == null) {
			return;
		}
		p.destroy();
		try {
			if (!p.waitFor(20, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				p.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		IngressProcess.RUNNING.remove(p);
		process = null;
		try {
			Files.deleteIfExists(jar);
		}
		catch (IOException ex) {
			// never mind
		}
	}

}
