package io.spotbridge.systemtests.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A bridge service (ingress or worker) in a child JVM, started from its exec jar with {@code java -jar} as the
 * Dockerfiles do, configured by environment variables as in docker-compose.
 */
public final class ServiceJvm {

	private ServiceJvm() {
	}

	public static ChildProcess start(String name, Path jar, Map<String, String> environment, Path workDir,
			Path logDir) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString());
		return ChildProcess.start(name, command, environment, workDir.resolve(name), logDir.resolve(name + ".log"));
	}

	/** Waits until {@code /actuator/health/readiness} on the management port answers 200. */
	public static void awaitReady(ChildProcess service, int managementPort, Duration timeout) {
		String url = "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
		try {
			await(service.name() + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!service.isAlive()) {
					throw new IllegalStateException(service + " exited before it was ready:\n" + service.logTail(60));
				}
				return Http.get(url).status() == 200;
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(service + " not ready within " + timeout + "; readiness: "
					+ Http.get(url).body() + "\n" + service.logTail(60), ex);
		}
	}

}
