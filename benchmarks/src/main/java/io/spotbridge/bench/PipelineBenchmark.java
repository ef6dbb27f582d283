package io.spotbridge.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import io.spotbridge.testkit.StandaloneKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of the whole pipeline (issue 3): SCIM creates through the ingress, Kafka, the provisioner worker, the Spot
 * simulator. Starts, on 127.0.0.1 only, a Kafka broker, the simulator, the ingress and the worker (each a child JVM
 * from its -exec jar) and provisions users in phases, each printing a row:
 * <ol>
 * <li>simulator latency 0 ms — N users;</li>
 * <li>simulator latency 50 ms — N users;</li>
 * <li>{@code rateLimitPerMinute} imposed (the worker at its default 100 calls/s, restarted for this phase) — share of
 * the allowed rate achieved and share of calls answered 429;</li>
 * <li>idle: single users created one at a time, end-to-end latency.</li>
 * </ol>
 * users/s runs from the first SCIM create sent to the last Spot user visible; end-to-end latency per user is SCIM 2xx
 * -> the user's email listed by {@code GET /setup/organization/user} (polled every {@code --poll-ms}). It prints
 * numbers beside the targets and asserts nothing. Run: {@code java -cp "benchmarks/target/classes:$(cat
 * benchmarks/target/classpath.txt)" io.spotbridge.bench.PipelineBenchmark [--users 10000]}.
 */
public final class PipelineBenchmark {

	static final String ROW_ZERO = "[1] latency 0 ms";

	static final String ROW_FIFTY = "[2] latency 50 ms";

	static final String ROW_RATE = "[3] rate limit";

	static final String ROW_IDLE = "[4] idle, one at a time";

	static final String ROW_DRAIN = "[5] backlog drain, 0 ms";

	static final String SUMMARY = "Pipeline summary: measured vs target";

	/** The first warm-up slice: the pipeline right after its start (information, no target). */
	static final String ROW_FRESH = "warm-up 1, fresh start";

	/** The services' JIT compilers' use (cores, together, over a warm-up slice) below which the warm-up ends. */
	static final double SETTLED_JIT_CORES = 0.15;

	/**
	 * The warm-up stops here even if not settled: every user stays in the ingress's directory (~1.3 KB each), and
	 * 300,000 of them fit the default 1 GB heap with room to spare.
	 */
	static final int MAX_WARMUP_USERS = 300_000;

	static final String USAGE = "Usage: PipelineBenchmark [--users 10000] [--phase-timeout-seconds 300]"
			+ " [--idle-users 50] [--idle-gap-ms 200] [--rate-limit-per-minute 600] [--rate-limit-users 2*limit]"
			+ " [--concurrency 64] [--partitions 6] [--poll-ms 20] [--heap 1g] [--max-minutes 30]"
			+ " [--warmup-users users/2, 100..5000 (per slice)] [--warmup-max-seconds 300] [--drain-users N]"
			+ " [--jfr <directory>]"
			+ " [--phases zero,fifty,idle,drain,rate] [--worker-args \"--a=b --c=d\"]"
			+ " [--service-jvm-args \"-XX:...\" (ingress, worker and simulator)]";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The harness's own -XX options, printed with the results. */
	private static final List<String> HARNESS_JVM_OPTIONS = java.lang.management.ManagementFactory.getRuntimeMXBean()
		.getInputArguments()
		.stream()
		.filter(option -> option.startsWith("-XX:"))
		.toList();

	/** Parsed command line. */
	record Options(int users, int phaseTimeoutSeconds, int idleUsers, int idleGapMillis, int rateLimitPerMinute,
			int rateLimitUsers, int concurrency, int partitions, int pollMillis, String heap, int maxMinutes,
			int warmupUsers, String jfr, int drainUsers, List<String> phases, List<String> workerArgs,
			List<String> serviceJvmArgs, int warmupMaxSeconds) {

		boolean runs(String phase) {
			return phases.contains(phase);
		}

		static Options parse(String... args) {
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < args.length; i++) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new IllegalArgumentException("Bad argument: " + args[i]);
				}
				values.put(args[i].substring(2), args[++i]);
			}
			int users = intOf(values, "users", 10_000);
			int limit = intOf(values, "rate-limit-per-minute", 600);
			Options options = new Options(users, intOf(values, "phase-timeout-seconds", 300),
					intOf(values, "idle-users", 50), intOf(values, "idle-gap-ms", 200), limit,
					intOf(values, "rate-limit-users", Math.min(users, 2 * limit)), intOf(values, "concurrency", 64),
					intOf(values, "partitions", 6), intOf(values, "poll-ms", 20),
					values.getOrDefault("heap", "1g"), intOf(values, "max-minutes", 30),
					values.containsKey("warmup-users") && "0".equals(values.get("warmup-users")) ? 0
							: intOf(values, "warmup-users", Math.max(Math.min(100, users), Math.min(5000, users / 2))),
					values.getOrDefault("jfr", ""),
					values.containsKey("drain-users") && "0".equals(values.get("drain-users")) ? 0
							: intOf(values, "drain-users", users),
					List.of(values.getOrDefault("phases", "zero,fifty,idle,drain,rate").split(",")),
					split(values.get("worker-args")), split(values.get("service-jvm-args")),
					intOf(values, "warmup-max-seconds", 300));
			values.keySet()
				.removeAll(List.of("users", "rate-limit-per-minute", "phase-timeout-seconds", "idle-users",
						"idle-gap-ms", "rate-limit-users", "concurrency", "partitions", "poll-ms", "heap",
						"max-minutes", "warmup-users", "jfr", "drain-users", "phases", "worker-args",
						"service-jvm-args", "warmup-max-seconds"));
			if (!values.isEmpty()) {
				throw new IllegalArgumentException("Unknown options: " + values.keySet());
			}
			return options;
		}

		/** Space-separated arguments; none for null or blank. */
		private static List<String> split(String arguments) {
			return arguments == null || arguments.isBlank() ? List.of() : List.of(arguments.trim().split("\\s+"));
		}

		private static int intOf(Map<String, String> values, String key, int fallback) {
			String value = values.get(key);
			if (value == null) {
				return fallback;
			}
			int parsed = Integer.parseInt(value);
			if (parsed <= 0) {
				throw new IllegalArgumentException("--" + key + " must be positive");
			}
			return parsed;
		}
	}

	/** What one phase measured. */
	record Result(String row, int users, int visible, int scimFailures, double seconds, double usersPerSecond,
			long spotCalls, double spotCallsPerSecond, long calls429, Latencies.Summary e2e, String note) {
	}

	private final Options options;

	private final PrintStream out;

	private final String token = "pipeline-bench-" + UUID.randomUUID();

	private String warmUpNote = "no warm-up";

	private final String runTag = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Result> results = new HashMap<>();

	private String spotUrl;

	private PipelineBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(TimeUnit.MINUTES.toMillis(options.maxMinutes()));
				System.err.println("Benchmark abandoned: still running after --max-minutes " + options.maxMinutes());
				System.exit(3); // the shutdown hook stops the children
			}
			catch (InterruptedException ex) {
				// finished in time
			}
		}, "pipeline-benchmark-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		int status = run(options, System.out);
		System.out.flush();
		System.exit(status);
	}

	/** Runs every phase and prints the report; 0 when every phase ran (whatever the numbers), else 1. */
	public static int run(Options options, PrintStream out) {
		installShutdownHook();
		PipelineBenchmark benchmark = new PipelineBenchmark(options, out);
		try {
			benchmark.runPhases();
		}
		catch (RuntimeException ex) {
			benchmark.problems.add("benchmark aborted: " + ex);
		}
		benchmark.report();
		return benchmark.problems.isEmpty() ? 0 : 1;
	}

	private void runPhases() {
		Path ingressJar = IngressProcess.locateExecJar(null);
		Path workerJar = ChildJvm.locateExecJar("provisioner-worker");
		Path simulatorJar = ChildJvm.locateExecJar("spot-simulator");
		if (ingressJar == null || workerJar == null || simulatorJar == null) {
			throw new IllegalStateException("Missing -exec jar(s): ingress " + ingressJar + ", worker " + workerJar
					+ ", simulator " + simulatorJar + "; build them: ./mvnw -B -pl common-model,bridge-testkit,"
					+ "ingress-service,spot-simulator,provisioner-worker -DskipTests install");
		}
		Path workDir;
		try {
			workDir = Files.createTempDirectory("pipeline-bench-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a work directory", ex);
		}
		progress("Work directory " + workDir + " (child logs)");
		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.builder()
				.maxHeap(options.heap())
				.jvmArgs(Options.split(jfrJvmArgs("broker")).toArray(String[]::new))
				.build();
				ChildJvm simulator = new ChildJvm("spot-simulator", simulatorJar, workDir)) {
			broker.start();
			String bootstrap = broker.bootstrapServers();
			KafkaSide.createTopics(bootstrap, options.partitions());
			progress("Broker on " + bootstrap);

			int spotPort = IngressProcess.freePort();
			spotUrl = "http://127.0.0.1:" + spotPort;
			simulator.start(options.heap(), options.serviceJvmArgs(), jfrEnv("simulator"),
					List.of("--server.port=" + spotPort, "--server.address=127.0.0.1"));
			simulator.awaitHttp200(spotUrl + "/simulator/stats", null, Duration.ofMinutes(3));
			progress("Spot simulator on " + spotUrl);

			try (IngressProcess ingress = new IngressProcess(ingressJar, workDir, options.heap(), bootstrap, token,
					options.partitions(),
					String.join(" ", options.serviceJvmArgs()) + " " + jfrJvmArgs("ingress"))) {
				ingress.start();
				ingress.awaitReady(Duration.ofMinutes(3));
				progress("Ingress on 127.0.0.1:" + ingress.scimPort());
				try (ScimLoadClient scim = new ScimLoadClient(ingress.scimPort(), token,
						Math.max(8, options.concurrency()))) {
					if (options.runs("zero") || options.runs("fifty") || options.runs("idle")) {
						try (ChildJvm worker = startWorker(workDir, bootstrap, "worker-fast", 100_000)) {
							if (options.warmupUsers() > 0) {
								safely("warm-up", () -> warmUp(scim));
							}
							if (options.runs("zero")) {
								safely(ROW_ZERO, () -> bulkPhase(ROW_ZERO, scim, "z", options.users(), 0));
							}
							if (options.runs("fifty")) {
								safely(ROW_FIFTY, () -> bulkPhase(ROW_FIFTY, scim, "f", options.users(), 50));
							}
							if (options.runs("idle")) {
								safely(ROW_IDLE, () -> idlePhase(scim));
							}
						}
					}
					if (options.drainUsers() > 0 && options.runs("drain")) {
						safely(ROW_DRAIN, () -> drainPhase(scim, workDir, bootstrap));
					}
					if (options.runs("rate")) {
						try (ChildJvm worker = startWorker(workDir, bootstrap, "worker-default-rate", 0)) {
							safely(ROW_RATE, () -> ratePhase(scim));
						}
					}
				}
			}
		}
	}

	/** callsPerSecond 0 = the worker's default (100). */
	private ChildJvm startWorker(Path workDir, String bootstrap, String name, int callsPerSecond) {
		ChildJvm worker = new ChildJvm(name, ChildJvm.locateExecJar("provisioner-worker"), workDir);
		int management = IngressProcess.freePort();
		Map<String, String> env = new HashMap<>();
		env.put("SPOT_TOKEN", token);
		env.put("SPOT_API_URL", spotUrl);
		env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
		env.put("WORKER_MANAGEMENT_PORT", Integer.toString(management));
		env.put("WORKER_PORT", Integer.toString(IngressProcess.freePort()));
		env.putAll(jfrEnv(name));
		List<String> args = new ArrayList<>(List.of("--bridge.topics.partitions=" + options.partitions(),
				"--server.address=127.0.0.1", "--management.server.address=127.0.0.1"));
		if (callsPerSecond > 0) {
			args.add("--bridge.defaults.calls-per-second=" + callsPerSecond);
		}
		args.addAll(options.workerArgs());
		worker.start(options.heap(), options.serviceJvmArgs(), env, args);
		try {
			worker.awaitHttp200("http://127.0.0.1:" + management + "/actuator/health/readiness", "UP",
					Duration.ofMinutes(3));
		}
		catch (RuntimeException ex) {
			worker.close();
			throw ex;
		}
		progress("Worker " + name + " ready (calls-per-second " + (callsPerSecond > 0 ? callsPerSecond : "default")
				+ ")");
		return worker;
	}

	/** With --jfr: JAVA_TOOL_OPTIONS starting a flight recording (profile settings) dumped at exit. */
	private Map<String, String> jfrEnv(String name) {
		if (options.jfr().isEmpty()) {
			return Map.of();
		}
		Path file = Path.of(options.jfr()).toAbsolutePath().resolve(name + ".jfr");
		return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
	}

	/** With --jfr: the same flight recording for the ingress, as JVM arguments. */
	private String jfrJvmArgs(String name) {
		return jfrEnv(name).getOrDefault("JAVA_TOOL_OPTIONS", "");
	}

	private void safely(String row, Runnable phase) {
		try {
			phase.run();
		}
		catch (RuntimeException ex) {
			problems.add(row + ": " + ex);
			progress(row + " failed: " + ex);
		}
	}

	// ---------------------------------------------------------------- phases

	private void resetSimulator(String faultsJson) {
		send("DELETE", "/simulator/faults", null);
		send("DELETE", "/simulator/state", null);
		send("DELETE", "/simulator/stats", null);
		if (faultsJson != null) {
			send("POST", "/simulator/faults", faultsJson);
		}
	}

	private ChildCpu.Reading bulkPhase(String row, ScimLoadClient scim, String kind, int users, int latencyMs) {
		resetSimulator("{\"latencyMs\":" + latencyMs + "}");
		progress(row + ": " + users + " users, " + options.concurrency() + " concurrent SCIM creates");
		Tracker tracker = new Tracker(kind, users);
		Poller poller = new Poller(tracker);
		poller.start();
		ChildCpu cpu = ChildCpu.start();
		Semaphore inFlight = new Semaphore(options.concurrency());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.phaseTimeoutSeconds());
		tracker.firstSent = System.nanoTime();
		for (int i = 0; i < users && System.nanoTime() < deadline; i++) {
			acquire(inFlight);
			tracker.create(scim, i).whenComplete((r, e) -> inFlight.release());
		}
		tracker.awaitAllVisible(deadline);
		awaitPoliciesMapped(tracker, deadline);
		poller.stop();
		ChildCpu.Reading used = cpu.until();
		finish(row, tracker, poller, 0, "; " + used.line());
		return used;
	}

	/**
	 * Rows 1, 2 and 4 measure a running pipeline, not one still compiling itself: warm-up slices of
	 * {@code --warmup-users} (0 ms) run until the JIT compilers of the ingress, the worker and the simulator together
	 * used less than {@link #SETTLED_JIT_CORES} during a slice, or {@code --warmup-max-seconds} have passed. The first
	 * slice is the freshly started pipeline; the summary prints its users/s as information.
	 */
	private void warmUp(ScimLoadClient scim) {
		long begin = System.nanoTime();
		String reachedTarget = null;
		for (int slice = 1;; slice++) {
			String row = slice == 1 ? ROW_FRESH : "warm-up " + slice;
			double jit = bulkPhase(row, scim, "w" + slice, options.warmupUsers(), 0).jitOf("ingress", "worker",
					"simulator");
			double seconds = (System.nanoTime() - begin) / 1e9;
			long users = (long) slice * options.warmupUsers();
			Result result = results.get(row);
			if (reachedTarget == null && result != null && result.usersPerSecond() >= 500) {
				reachedTarget = String.format(Locale.ROOT, "500 users/s first reached in slice %d, %,d users and %.0f s"
						+ " after the start", slice, users, seconds);
			}
			boolean settled = jit < SETTLED_JIT_CORES;
			if (settled || seconds >= options.warmupMaxSeconds() || users + options.warmupUsers() > MAX_WARMUP_USERS) {
				warmUpNote = String.format(Locale.ROOT, "warm-up: %d slice(s) of %,d users in %.0f s; the services' JIT"
						+ " compilers used %.2f cores in the last one (%s < %.2f); %s", slice, options.warmupUsers(),
						seconds, jit, settled ? "settled:" : "NOT settled, wanted", SETTLED_JIT_CORES,
						reachedTarget == null ? "500 users/s not reached" : reachedTarget);
				progress(warmUpNote);
				return;
			}
		}
	}

	/**
	 * A user is provisioned once its policies are mapped too (the worker's second call): waits until the simulator
	 * counted a policy mapping per visible user and takes that moment as the phase's end (the stats route is cheap and
	 * not rate-limited).
	 */
	private void awaitPoliciesMapped(Tracker tracker, long deadline) {
		while (System.nanoTime() < deadline) {
			long mapped = statusCount(stats(), "PUT /setup/user/{userId}/policyMapping", "200");
			if (mapped >= tracker.visible.get()) {
				tracker.lastVisible = Math.max(tracker.lastVisible, System.nanoTime());
				return;
			}
			sleep(options.pollMillis());
		}
		problems.add(tracker.kind + ": not every visible user had its policies mapped in time");
	}

	/**
	 * Row 5 (information, no target): what the worker and the simulator do without the ingress in the way. The SCIM
	 * creates are all sent (to Kafka) while no worker runs; then a worker starts and drains the backlog. users/s runs
	 * from the first user visible to the last one provisioned, so the worker's start-up is not counted.
	 */
	private void drainPhase(ScimLoadClient scim, Path workDir, String bootstrap) {
		int users = options.drainUsers();
		resetSimulator("{\"latencyMs\":0}");
		progress(ROW_DRAIN + ": " + users + " users queued in Kafka first, then a worker drains them");
		Tracker tracker = new Tracker("d", users);
		Semaphore inFlight = new Semaphore(options.concurrency());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.phaseTimeoutSeconds());
		tracker.firstSent = System.nanoTime();
		for (int i = 0; i < users && System.nanoTime() < deadline; i++) {
			acquire(inFlight);
			tracker.create(scim, i).whenComplete((r, e) -> inFlight.release());
		}
		acquire(inFlight, options.concurrency());
		Poller poller = new Poller(tracker);
		poller.start();
		try (ChildJvm worker = startWorker(workDir, bootstrap, "worker-drain", 100_000)) {
			ChildCpu cpu = ChildCpu.start();
			deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.phaseTimeoutSeconds());
			tracker.awaitAllVisible(deadline);
			awaitPoliciesMapped(tracker, deadline);
			poller.stop();
			long firstVisible = Long.MAX_VALUE;
			for (int i = 0; i < users; i++) {
				long visible = tracker.visibleAt.get(i);
				if (visible != 0) {
					firstVisible = Math.min(firstVisible, visible);
				}
			}
			tracker.firstSent = firstVisible == Long.MAX_VALUE ? tracker.firstSent : firstVisible;
			finish(ROW_DRAIN, tracker, poller, 0, "; users/s from the first user visible to the last provisioned"
					+ " (e2e latency includes the wait for the worker); " + cpu.until().line());
		}
	}

	private void idlePhase(ScimLoadClient scim) {
		resetSimulator(null);
		int users = options.idleUsers();
		progress(ROW_IDLE + ": " + users + " users, " + options.idleGapMillis() + " ms apart");
		Tracker tracker = new Tracker("i", users);
		Poller poller = new Poller(tracker);
		poller.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.phaseTimeoutSeconds());
		tracker.firstSent = System.nanoTime();
		for (int i = 0; i < users && System.nanoTime() < deadline; i++) {
			tracker.create(scim, i).join();
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.idleGapMillis());
			while (tracker.visibleAt.get(i) == 0 && System.nanoTime() < Math.min(until + TimeUnit.SECONDS.toNanos(5),
					deadline)) {
				sleep(2);
			}
			while (System.nanoTime() < until) {
				sleep(2);
			}
		}
		tracker.awaitAllVisible(deadline);
		poller.stop();
		finish(ROW_IDLE, tracker, poller, 0, "");
	}

	private void ratePhase(ScimLoadClient scim) {
		int limit = options.rateLimitPerMinute();
		int users = options.rateLimitUsers();
		resetSimulator("{\"latencyMs\":0,\"rateLimitPerMinute\":" + limit + "}");
		progress(ROW_RATE + ": " + users + " users, rateLimitPerMinute " + limit
				+ " per route, worker at its default calls-per-second");
		Tracker tracker = new Tracker("r", users);
		Semaphore inFlight = new Semaphore(options.concurrency());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.phaseTimeoutSeconds());
		tracker.firstSent = System.nanoTime();
		for (int i = 0; i < users && System.nanoTime() < deadline; i++) {
			acquire(inFlight);
			tracker.create(scim, i).whenComplete((r, e) -> inFlight.release());
		}
		// the simulator's stats are not rate-limited: watch "POST /setup/user" 200s instead of polling the user list
		long created = 0;
		long lastCreated = 0;
		while (System.nanoTime() < deadline) {
			created = statusCount(stats(), "POST /setup/user", "200");
			if (created > lastCreated) {
				lastCreated = created;
				tracker.lastVisible = System.nanoTime();
			}
			if (created >= users) {
				break;
			}
			sleep(50);
		}
		JsonNode stats = stats();
		// then one listing to confirm (made after the stats were read, so not in them)
		Poller check = new Poller(tracker);
		check.pollOnce();
		double seconds = (tracker.lastVisible - tracker.firstSent) / 1e9;
		long successes = statusCount(stats, "POST /setup/user", "200");
		SpotWindows spotWindows = SpotWindows.of(creationTimes(tracker), TimeUnit.SECONDS.toNanos(60));
		long windows = Math.max(1, spotWindows.count());
		double share = successes / (double) (limit * windows);
		double perSecond = seconds > 0 ? successes / seconds : Double.NaN;
		long total = stats.path("total").asLong();
		long calls429 = countStatus(stats, "429");
		String note = String.format(Locale.ROOT,
				"POST /setup/user: %,d created in %.1f s = %.2f/s vs allowed %.2f/s (%d per 60 s window);"
						+ " allowed-rate share %.0f%% (created / (limit x %d window(s) Spot opened: %s;"
						+ " first Spot create %.1f s after the first SCIM create)); 429s %,d of %,d calls"
						+ " = %.2f%%; %d of %d users listed by GET /setup/organization/user; calls by route and status %s",
				successes, seconds, perSecond, limit / 60.0, limit, share * 100, windows, spotWindows.describe(),
				spotWindows.firstAt() == 0 ? Double.NaN : (spotWindows.firstAt() - tracker.firstSent) / 1e9, calls429,
				total, total == 0 ? 0 : 100.0 * calls429 / total, tracker.visible.get(), users, stats.path("requests"));
		results.put("rateShare", new Result(ROW_RATE, users, 0, 0, 0, share, 0, 0, 0, null, ""));
		Result result = new Result(ROW_RATE, users, (int) successes, tracker.failures.get(), seconds,
				seconds > 0 ? successes / seconds : Double.NaN, total, seconds > 0 ? total / seconds : Double.NaN,
				calls429, new Latencies().summary(), note);
		results.put(ROW_RATE, result);
		printRow(result);
	}

	private void finish(String row, Tracker tracker, Poller poller, long ignored, String extra) {
		JsonNode stats = stats();
		double seconds = (tracker.lastVisible - tracker.firstSent) / 1e9;
		long total = stats.path("total").asLong();
		long calls429 = countStatus(stats, "429");
		Latencies latencies = new Latencies();
		for (int i = 0; i < tracker.users; i++) {
			long ack = tracker.ackAt.get(i);
			long visible = tracker.visibleAt.get(i);
			if (ack != 0 && visible != 0) {
				latencies.record(Math.max(0, visible - ack));
			}
		}
		int visible = tracker.visible.get();
		long lastAck = 0;
		for (int i = 0; i < tracker.users; i++) {
			lastAck = Math.max(lastAck, tracker.ackAt.get(i));
		}
		double ackSeconds = lastAck == 0 ? Double.NaN : (lastAck - tracker.scimStart) / 1e9;
		String note = String.format(Locale.ROOT,
				"SCIM: last 201 after %.1f s (%.1f creates/s); %,d polls of GET /simulator/users by the harness"
						+ " (every %s; not Spot calls)%s",
				ackSeconds, tracker.users / ackSeconds, poller.polls.get(), options.pollMillis() + " ms", extra);
		Result result = new Result(row, tracker.users, visible, tracker.failures.get(), seconds,
				seconds > 0 ? visible / seconds : Double.NaN, total, seconds > 0 ? total / seconds : Double.NaN,
				calls429, latencies.summary(), note);
		results.put(row, result);
		printRow(result);
	}

	// ---------------------------------------------------------------- tracking

	/** Per user: SCIM 2xx time and the time its Spot user was first seen. */
	/** The simulator's creation time (as this JVM's nanoTime) of every user the tracker saw created, in order. */
	private static long[] creationTimes(Tracker tracker) {
		return java.util.stream.IntStream.range(0, tracker.users)
			.mapToLong(tracker.visibleAt::get)
			.filter(at -> at != 0)
			.sorted()
			.toArray();
	}

	private final class Tracker {

		final String kind;

		final int users;

		final UserFixtures fixtures;

		final Map<String, Integer> byEmail = new HashMap<>();

		final AtomicLongArray ackAt;

		final AtomicLongArray visibleAt;

		final AtomicInteger visible = new AtomicInteger();

		final AtomicInteger failures = new AtomicInteger();

		final AtomicReference<String> firstFailure = new AtomicReference<>();

		volatile long firstSent;

		/** When the first SCIM create was sent. */
		volatile long scimStart;

		volatile long lastVisible;

		Tracker(String kind, int users) {
			this.kind = kind;
			this.users = users;
			this.fixtures = new UserFixtures(runTag + kind);
			this.ackAt = new AtomicLongArray(users);
			this.visibleAt = new AtomicLongArray(users);
			for (int i = 0; i < users; i++) {
				byEmail.put(fixtures.userName("u", i).toLowerCase(Locale.ROOT), i);
			}
		}

		java.util.concurrent.CompletableFuture<String> create(ScimLoadClient scim, int i) {
			if (scimStart == 0) {
				scimStart = System.nanoTime();
			}
			return scim.createUser(fixtures.oktaCreateBody(fixtures.userName("u", i), i)).whenComplete((failure, ex) -> {
				if (failure == null && ex == null) {
					ackAt.compareAndSet(i, 0, System.nanoTime());
				}
				else {
					failures.incrementAndGet();
					firstFailure.compareAndSet(null, ex != null ? ex.toString() : failure);
				}
			});
		}

		void seen(String email, long now) {
			Integer i = byEmail.get(email.toLowerCase(Locale.ROOT));
			if (i != null && visibleAt.compareAndSet(i, 0, now)) {
				visible.incrementAndGet();
				synchronized (this) {
					lastVisible = Math.max(lastVisible, now);
				}
			}
		}

		void awaitAllVisible(long deadline) {
			while (visible.get() + failures.get() < users && System.nanoTime() < deadline) {
				sleep(10);
			}
			if (visible.get() < users) {
				problems.add(kind + ": only " + visible.get() + " of " + users + " users visible in Spot ("
						+ failures.get() + " SCIM failures" + (firstFailure.get() == null ? "" : ", e.g. "
								+ firstFailure.get()) + ")");
			}
		}

	}

	/**
	 * Asks the simulator every --poll-ms for the users created since its last poll ({@code GET /simulator/users}: costs
	 * only what is new, is not a Spot call, is neither rate-limited nor counted in the stats) and marks them visible at
	 * their creation time as the simulator recorded it (ms precision; same machine, same clock), so the poll interval
	 * adds nothing to the end-to-end latency.
	 */
	private final class Poller {

		final Tracker tracker;

		final AtomicLong polls = new AtomicLong();

		/** nanoTime minus wall-clock nanos: converts the simulator's creation times to this JVM's nanoTime. */
		final long nanoOffset = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;

		private int next;

		private volatile boolean running;

		private Thread thread;

		Poller(Tracker tracker) {
			this.tracker = tracker;
		}

		void start() {
			running = true;
			thread = new Thread(() -> {
				while (running) {
					long started = System.nanoTime();
					pollOnce();
					long left = TimeUnit.MILLISECONDS.toNanos(options.pollMillis()) - (System.nanoTime() - started);
					if (left > 0) {
						sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
					}
				}
			}, "spot-poller");
			thread.setDaemon(true);
			thread.start();
		}

		void pollOnce() {
			try {
				HttpResponse<byte[]> response = http.send(HttpRequest
					.newBuilder(URI.create(spotUrl + "/simulator/users?after=" + next + "&token="
							+ java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
					.timeout(Duration.ofSeconds(10))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				long now = System.nanoTime();
				polls.incrementAndGet();
				if (response.statusCode() != 200) {
					return;
				}
				JsonNode page = JSON.readTree(response.body());
				Iterator<JsonNode> items = page.path("users").iterator();
				while (items.hasNext()) {
					JsonNode item = items.next();
					String email = item.path("email").asString("");
					long createdAt = item.path("createdAt").asLong(0);
					if (!email.isEmpty()) {
						tracker.seen(email, createdAt > 0 ? Math.min(now, createdAt * 1_000_000L + nanoOffset) : now);
					}
				}
				next = page.path("next").asInt(next);
			}
			catch (IOException | RuntimeException ex) {
				// try again at the next tick
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running = false;
			}
		}

		void stop() {
			running = false;
			try {
				thread.join(15_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	// ---------------------------------------------------------------- simulator control

	private String send(String method, String path, String json) {
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(spotUrl + path))
				.timeout(Duration.ofSeconds(10));
			if (json != null) {
				builder.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			else {
				builder.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private JsonNode stats() {
		return JSON.readTree(send("GET", "/simulator/stats", null));
	}

	private static long statusCount(JsonNode stats, String route, String status) {
		return stats.path("requests").path(route).path(status).asLong(0);
	}

	private static long countStatus(JsonNode stats, String status) {
		long sum = 0;
		for (JsonNode byStatus : stats.path("requests")) {
			sum += byStatus.path(status).asLong(0);
		}
		return sum;
	}

	// ---------------------------------------------------------------- report

	private void printRow(Result r) {
		out.printf(Locale.ROOT,
				"%-26s users %,6d visible %,6d SCIM failures %d | %8.1f users/s over %6.1f s | %8.1f Spot calls/s"
						+ " (%,d calls, %,d x 429) | e2e p50 %s p99 %s%n",
				r.row(), r.users(), r.visible(), r.scimFailures(), r.usersPerSecond(), r.seconds(),
				r.spotCallsPerSecond(), r.spotCalls(), r.calls429(), millis(r.e2e() == null ? Double.NaN
						: r.e2e().p50()), millis(r.e2e() == null ? Double.NaN : r.e2e().p99()));
		if (!r.note().isEmpty()) {
			out.println("    " + r.note());
		}
		out.flush();
	}

	private void report() {
		out.println();
		out.println(SUMMARY);
		out.println(String.format(Locale.ROOT, "(users %,d, rate-limit users %,d at %d/min, idle users %d, %d ms apart;"
				+ " %d partitions; shared machine: treat the numbers as a lower bound)", options.users(),
				options.rateLimitUsers(), options.rateLimitPerMinute(), options.idleUsers(), options.idleGapMillis(),
				options.partitions()));
		out.println("(JVM options of the ingress, worker and simulator: "
				+ (options.serviceJvmArgs().isEmpty() ? "the JVM's defaults" : options.serviceJvmArgs())
				+ "; broker: the JVM's defaults; harness: "
				+ (HARNESS_JVM_OPTIONS.isEmpty() ? "the JVM's defaults" : HARNESS_JVM_OPTIONS) + ")");
		out.println("(" + warmUpNote + ")");
		Result fresh = results.get(ROW_FRESH);
		if (fresh != null) {
			out.println(String.format(Locale.ROOT, "  %-42s %12.1f   (information: the pipeline right after its start)",
					ROW_FRESH + " users/s", fresh.usersPerSecond()));
		}
		Result zero = results.get(ROW_ZERO);
		Result fifty = results.get(ROW_FIFTY);
		Result rate = results.get(ROW_RATE);
		Result share = results.get("rateShare");
		Result idle = results.get(ROW_IDLE);
		out.println(line(ROW_ZERO + " users/s", zero == null ? null : zero.usersPerSecond(), ">= 500", zero != null
				&& zero.usersPerSecond() >= 500));
		out.println(line(ROW_FIFTY + " users/s", fifty == null ? null : fifty.usersPerSecond(), ">= 200", fifty != null
				&& fifty.usersPerSecond() >= 200));
		double rate429 = rate == null || rate.spotCalls() == 0 ? Double.NaN
				: 100.0 * rate.calls429() / rate.spotCalls();
		out.println(line(ROW_RATE + " allowed rate %", share == null ? null : share.usersPerSecond() * 100, ">= 90",
				share != null && share.usersPerSecond() >= 0.9));
		out.println(line(ROW_RATE + " 429 %", rate == null ? null : rate429, "<= 1", rate != null && rate429 <= 1));
		out.println(line(ROW_IDLE + " e2e p50 ms", idle == null ? null : idle.e2e().p50(), "<= 150",
				idle != null && idle.e2e().p50() <= 150));
		out.println(line(ROW_IDLE + " e2e p99 ms", idle == null ? null : idle.e2e().p99(), "<= 1000",
				idle != null && idle.e2e().p99() <= 1000));
		Result drain = results.get(ROW_DRAIN);
		if (drain != null) {
			out.println(String.format(Locale.ROOT, "  %-42s %12.1f   (information: worker + simulator without the ingress)",
					ROW_DRAIN + " users/s", drain.usersPerSecond()));
		}
		if (!problems.isEmpty()) {
			out.println("Problems:");
			problems.forEach(p -> out.println("  - " + p));
		}
		out.flush();
	}

	private static String line(String what, Double value, String target, boolean met) {
		if (value == null) {
			return String.format(Locale.ROOT, "  %-42s %12s   target %-8s", what, "not run", target);
		}
		return String.format(Locale.ROOT, "  %-42s %12.1f   target %-8s %s", what, value, target,
				met ? "met" : "MISSED");
	}

	private static String millis(double ms) {
		return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", ms);
	}

	private void progress(String message) {
		System.err.println("[pipeline-bench] " + message);
	}

	private static void acquire(Semaphore semaphore, int permits) {
		try {
			semaphore.acquire(permits);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void acquire(Semaphore semaphore) {
		try {
			semaphore.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
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

	private static final java.util.concurrent.atomic.AtomicBoolean HOOK_INSTALLED =
			new java.util.concurrent.atomic.AtomicBoolean();

	private static void installShutdownHook() {
		if (!HOOK_INSTALLED.compareAndSet(false, true)) {
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			for (Process process : List.copyOf(IngressProcess.RUNNING)) {
				process.destroy();
				try {
					if (!process.waitFor(10, TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
				catch (InterruptedException ex) {
					process.destroyForcibly();
				}
			}
		}, "pipeline-benchmark-shutdown"));
	}

}
