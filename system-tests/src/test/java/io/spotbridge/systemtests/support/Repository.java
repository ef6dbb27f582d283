package io.spotbridge.systemtests.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the files under test are: the repository root (system property {@code bridge.root}, set by the build; else the
 * first parent of the working directory holding {@code deploy/prometheus/prometheus.yml}) and the services' exec jars.
 */
public final class Repository {

	private Repository() {
	}

	public static Path root() {
		String configured = System.getProperty("bridge.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("deploy/prometheus/prometheus.yml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the repository root; set -Dbridge.root");
	}

	public static Path prometheusDir() {
		return root().resolve("deploy/prometheus");
	}

	public static Path grafanaDir() {
		return root().resolve("deploy/grafana");
	}

	public static Path dashboard() {
		return grafanaDir().resolve("dashboards/bridge.json");
	}

	public static Path metricsCatalogue() {
		return root().resolve("docs/METRICS.md");
	}

	/**
	 * The exec jar of a service module: {@code -Dbridge.<key>.jar} if given, else
	 * {@code <module>/target/<module>-<version>-exec.jar}.
	 */
	public static Path execJar(String key, String module) {
		String configured = System.getProperty("bridge." + key + ".jar");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		String version = System.getProperty("bridge.version", "0.1.0-SNAPSHOT");
		return root().resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
	}

	/** An executable of that name on the PATH. */
	public static Optional<Path> onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Arrays.stream(path.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir).resolve(program))
			.filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst();
	}

}
