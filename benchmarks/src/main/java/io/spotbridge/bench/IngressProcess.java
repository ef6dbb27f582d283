package io.spotbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingress as a child JVM: {@code java -Xmx<heap> -jar ingress-service-*-exec.jar} with the settings of the
 * benchmark (its own free ports, the broker, a token, rate limit 0, the partition count). Its output goes to
 * {@code ingress.log} and its GC log to {@code ingress-gc.log} in the work directory. The jar is copied to the work
 * directory first, so a concurrent rebuild of ingress-service cannot change it under the running JVM.
 */
final class IngressProcess implements AutoCloseable {

	/** Every child still running; the shutdown hook of the harness stops them. */
	static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	private static final Pattern STARTED = Pattern.compile("Started IngressApplication in ([0-9.]+) seconds"
			+ " \\(process running for ([0-9.]+)\\)");

	private static final Pattern GC_LINE = Pattern
		.compile("\\[([0-9.]+)s\\].*GC\\(\\d+\\) (Pause [A-Za-z]+).*?(\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String INGRESS_MAIN = "io.spotbridge.ingress.IngressApplication";

	private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private final Path jar;

	private final Path workDir;

	private final String heap;

	private final String bootstrapServers;

	private final String token;

	private final int partitions;

	private final List<String> extraJvmArgs;

	private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private int scimPort;

	private int managementPort;

	private Process process;

	private long launchedNanos;

	private Path log;

	private Path gcLog;

	private String launchNote = "";

	/** The class data sharing archive made by {@link #prepareClassDataSharing}, or null: launch from the jar. */
	private Path sharedArchive;

	/** The extracted application jar (with its lib/ directory) the archive was made for. */
	private Path extractedJar;

	IngressProcess(Path execJar, Path workDir, String heap, String bootstrapServers, String token, int partitions,
			String extraJvmArgs) {
		this.workDir = workDir;
		this.extraJvmArgs = extraJvmArgs.isBlank() ? List.of() : List.of(extraJvmArgs.trim().split("\\s+"));
		this.heap = heap;
		this.bootstrapServers = bootstrapServers;
		this.token = token;
		this.partitions = partitions;
		this.jar = workDir.resolve("ingress-service-exec.jar");
		try {
			Files.copy(execJar, jar, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + execJar, ex);
		}
	}

	/**
	 * The ingress -exec jar: the given path, else {@code ingress-service-*-exec.jar} in {@code ingress-service/target}
	 * or {@code ../ingress-service/target} (from the root or from the benchmarks module); null when there is none.
	 */
	static Path locateExecJar(Path given) {
		if (given != null) {
			return Files.isRegularFile(given) ? given.toAbsolutePath() : null;
		}
		for (Path dir : List.of(Path.of("ingress-service", "target"), Path.of("..", "ingress-service", "target"))) {
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "ingress-service-*-exec.jar")) {
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

	/**
	 * Prepares the launch the ingress image uses (ingress-service/Dockerfile), with the same script:
	 * {@code ingress-service/cds-launch.sh} extracts the -exec jar and records a class data sharing archive in a training
	 * run without Kafka. {@link #start} then launches {@code java -XX:SharedArchiveFile=... -jar <extracted jar>}.
	 *
	 * @return how long the script took, in seconds
	 */
	double prepareClassDataSharing() {
		long begin = System.nanoTime();
		Path script = locateCdsScript();
		if (script == null) {
			throw new IllegalStateException("ingress-service/cds-launch.sh not found (run from the repository root)");
		}
		Path destination = workDir.resolve("cds");
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), jar.toString(), destination.toString())
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("cds-launch.log").toFile()));
		builder.environment().put("JAVA", ChildJvm.javaExecutable());
		try {
			Process child = builder.start();
			RUNNING.add(child);
			try {
				if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
					child.destroyForcibly();
					throw new IllegalStateException("cds-launch.sh failed; see " + workDir.resolve("cds-launch.log"));
				}
			}
			finally {
				RUNNING.remove(child);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + script, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while preparing the CDS launch", ex);
		}
		sharedArchive = destination.resolve("ingress.jsa");
		extractedJar = destination.resolve("ingress.jar");
		return (System.nanoTime() - begin) / 1e9;
	}

	private static Path locateCdsScript() {
		for (Path candidate : List.of(Path.of("ingress-service", "cds-launch.sh"),
				Path.of("..", "ingress-service", "cds-launch.sh"))) {
			if (Files.isRegularFile(candidate)) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		return null;
	}

	private List<String> applicationArguments() {
		return List.of("--bridge.rate-limit.requests-per-second=0", "--bridge.topics.partitions=" + partitions);
	}

	private void environment(ProcessBuilder builder) {
		var env = builder.environment();
		env.put("SCIM_PORT", Integer.toString(scimPort));
		env.put("INGRESS_MANAGEMENT_PORT", Integer.toString(managementPort));
		env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		env.put("SPOT_TOKEN", token);
		env.put("BIND_ADDRESS", "127.0.0.1");
	}

	/** Launches the JVM (returns at once); {@link #awaitReady} then waits for readiness. */
	void start() {
		scimPort = freePort();
		managementPort = freePort();
		log = workDir.resolve("ingress.log");
		gcLog = workDir.resolve("ingress-gc.log");
		List<String> command = new ArrayList<>();
		command.add(ChildJvm.javaExecutable());
		command.add("-Xmx" + heap);
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-Xlog:gc:file=" + gcLog);
		command.addAll(extraJvmArgs);
		command.addAll(launchArguments());
		command.addAll(applicationArguments());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		environment(builder);
		launchedNanos = System.nanoTime();
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot launch the ingress", ex);
		}
		RUNNING.add(process);
	}

	/**
	 * {@code -jar <jar>}, unless the jar's manifest names a Spring Boot launcher as its {@code Start-Class} (a jar
	 * repackaged twice: its JarLauncher would start itself over and over and the JVM dies with a chain of
	 * InvocationTargetExceptions). The same jar is then run through its PropertiesLauncher with
	 * {@code -Dloader.main=} the ingress application class, and {@link #launchNote()} says so.
	 */
	private List<String> launchArguments() {
		if (sharedArchive != null) {
			launchNote = "";
			return List.of("-XX:SharedArchiveFile=" + sharedArchive, "-jar", extractedJar.toString());
		}
		String startClass = startClass(jar);
		if (startClass != null && startClass.startsWith("org.springframework.boot.loader.")) {
			launchNote = "WARNING: " + jar.getFileName() + " (copied from the ingress -exec jar) has Start-Class "
					+ startClass + ", so `java -jar` cannot start it (the jar was repackaged from an already"
					+ " repackaged jar; see docs/PERFORMANCE.md). Launched the same jar as `java -cp <jar>"
					+ " -Dloader.main=" + INGRESS_MAIN + " " + PROPERTIES_LAUNCHER + "` instead.";
			return List.of("-Dloader.main=" + INGRESS_MAIN, "-cp", jar.toString(), PROPERTIES_LAUNCHER);
		}
		launchNote = "";
		return List.of("-jar", jar.toString());
	}

	private static String startClass(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			return manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Empty, or how the ingress had to be launched differently from {@code java -jar}. */
	String launchNote() {
		return launchNote;
	}

	/** What the start of the ingress looked like once it was ready. */
	record Readiness(double launchToReadyMillis, long rebuildMillis, long recordsRead, double springStartedSeconds,
			double jvmRunningSeconds, GcSummary gcDuringStart) {
	}

	/** GC activity from the GC log: pauses by kind, and the largest heap left after a collection. */
	record GcSummary(int youngPauses, double youngPauseMillis, int fullPauses, double fullPauseMillis,
			int otherPauses, long maxAfterGcMegabytes, long heapCapacityMegabytes) {
	}

	/**
	 * Polls readiness ({@code /actuator/health/readiness}, every 20 ms) until it is UP.
	 *
	 * @throws IllegalStateException when the JVM exits first or the timeout passes; with the tail of its log
	 */
	Readiness awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The ingress exited with code " + process.exitValue()
						+ " before it was ready; last lines of " + log + ":\n" + logTail(40));
			}
			try {
				HttpResponse<String> response = control.send(
						HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					long readyNanos = System.nanoTime();
					JsonNode body = JSON.readTree(response.body());
					if ("UP".equals(body.path("status").asString())) {
						JsonNode details = body.path("components").path("directory").path("details");
						double[] started = springStarted(Duration.ofSeconds(10));
						return new Readiness((readyNanos - launchedNanos) / 1e6, details.path("rebuildMillis").asLong(-1),
								details.path("recordsRead").asLong(-1), started[0], started[1], gcSummary());
					}
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the ingress", ex);
			}
			sleep(20);
		}
		throw new IllegalStateException("The ingress was not ready within " + timeout.toSeconds() + " s; last lines of "
				+ log + ":\n" + logTail(40));
	}

	/** Heap of the ingress after a full GC, measured three ways (see {@link HeapUsage}). */
	record HeapUsage(long liveBytes, long usedAfterFullGcBytes, double actuatorHeapUsedBytes,
			List<String> topClasses, String problem) {
	}

	/**
	 * {@code jcmd <pid> GC.class_histogram} (which runs a full GC first and then counts the live objects: the exact
	 * live heap), then {@code jcmd <pid> GC.heap_info} (heap used right after that full GC, whole regions) and the
	 * actuator's {@code jvm.memory.used{area=heap}} as a cross-check.
	 */
	HeapUsage measureHeap(String label) {
		long pid = process.pid();
		long live = -1;
		long used = -1;
		List<String> top = new ArrayList<>();
		StringBuilder problem = new StringBuilder();
		try {
			List<String> histogram = jcmd(pid, "GC.class_histogram");
			Files.write(workDir.resolve("ingress-histogram-" + label + ".txt"), histogram);
			Pattern row = Pattern.compile("^\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
			for (String line : histogram) {
				Matcher m = row.matcher(line);
				if (m.matches() && top.size() < 8) {
					top.add(String.format("%-45s %8.1f MB %,10d objects", m.group(4), Long.parseLong(m.group(3)) / 1e6,
							Long.parseLong(m.group(2))));
				}
				if (line.startsWith("Total")) {
					String[] f = line.trim().split("\\s+");
					live = Long.parseLong(f[2]);
				}
			}
			for (String line : jcmd(pid, "GC.heap_info")) {
				Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(line);
				if (m.find()) {
					used = Long.parseLong(m.group(1)) * 1024;
					break;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			problem.append("jcmd: ").append(ex.getMessage()).append("; ");
		}
		double actuator = Double.NaN;
		try {
			HttpResponse<String> response = control.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + managementPort
						+ "/actuator/metrics/jvm.memory.used?tag=area:heap"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			actuator = JSON.readTree(response.body()).path("measurements").path(0).path("value").asDouble(Double.NaN);
		}
		catch (IOException | RuntimeException ex) {
			problem.append("actuator: ").append(ex).append("; ");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new HeapUsage(live, used, actuator, top, problem.toString());
	}

	private static List<String> jcmd(long pid, String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
		try {
			Process p = new ProcessBuilder(executable, Long.toString(pid), command).redirectErrorStream(true).start();
			byte[] out = p.getInputStream().readAllBytes();
			if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
			}
			return new String(out, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run jcmd: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Pauses in the GC log so far. */
	GcSummary gcSummary() {
		int young = 0;
		int full = 0;
		int other = 0;
		double youngMs = 0;
		double fullMs = 0;
		long maxAfter = 0;
		long capacity = 0;
		try {
			for (String line : Files.readAllLines(gcLog)) {
				Matcher m = GC_LINE.matcher(line);
				if (!m.find()) {
					continue;
				}
				double ms = Double.parseDouble(m.group(6));
				if (m.group(2).equals("Pause Young")) {
					young++;
					youngMs += ms;
				}
				else if (m.group(2).equals("Pause Full")) {
					full++;
					fullMs += ms;
				}
				else {
					other++;
				}
				maxAfter = Math.max(maxAfter, Long.parseLong(m.group(4)));
				capacity = Math.max(capacity, Long.parseLong(m.group(5)));
			}
		}
		catch (IOException | RuntimeException ex) {
			// no GC log: leave the zeros
		}
		return new GcSummary(young, youngMs, full, fullMs, other, maxAfter, capacity);
	}

	/** {"started in" seconds, "process running for" seconds} from Spring Boot's start line; NaN when absent. */
	private double[] springStarted(Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		do {
			try {
				for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
					Matcher m = STARTED.matcher(line);
					if (m.find()) {
						return new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) };
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// try again
			}
			sleep(50);
		}
		while (System.nanoTime() < deadline);
		return new double[] { Double.NaN, Double.NaN };
	}

	int scimPort() {
		return scimPort;
	}

	int managementPort() {
		return managementPort;
	}

	ProcessHandle handle() {
		return process.toHandle();
	}

	Path logFile() {
		return log;
	}

	Path gcLogFile() {
		return gcLog;
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

	/** SIGTERM (graceful), then SIGKILL after 20 s. */
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
		RUNNING.remove(p);
		try {
			Files.deleteIfExists(jar); // the logs stay
		}
		catch (IOException ex) {
			// a temporary file; never mind
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port", ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
