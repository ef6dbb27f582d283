package io.spotbridge.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.spotbridge.testkit.StandaloneKafkaBroker;

/**
 * Load harness of the ingress (a benchmark: it prints numbers and compares them with the targets, it asserts
 * nothing). In one run, on 127.0.0.1 only, it starts a Kafka broker (child JVM, temporary data directory, free port)
 * and measures:
 * <ol>
 * <li>the raw {@code KafkaProducer} with the ingress's producer settings — the ceiling of any Kafka-first write
 * path;</li>
 * <li>SCIM creates through the ingress (child JVM {@code java -Xmx256m -jar ingress-service-*-exec.jar}) — maximum
 * throughput with N concurrent clients and latency at a fixed open-loop rate — with a check of what the load client
 * alone can push;</li>
 * <li>filter GETs by userName with the pre-loaded users in the directory;</li>
 * <li>the directory rebuild at start with the pre-loaded users on the topic, and the heap after a full GC.</li>
 * </ol>
 * Run: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.spotbridge.bench.IngressBenchmark [--users 100000] [--seconds 20] ...} (see {@link BenchOptions}).
 */
public final class IngressBenchmark {

	static final String SECTION_RAW = "1. Raw KafkaProducer baseline";

	static final String SECTION_SCIM = "2. SCIM creates";

	static final String SECTION_GET = "3. Filter GET";

	/** JIT compiler use (cores, over 5 s) below which the code under load counts as compiled. */
	static final double SETTLED_JIT_CORES = 0.10;

	static final String SECTION_REBUILD = "4. Rebuild";

	static final String SECTION_SUMMARY = "Summary: measured vs target";

	private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

	private final BenchOptions options;

	private final PrintStream out;

	private final CpuMeter cpu = new CpuMeter();

	private final List<String> problems = new ArrayList<>();

	private final String token = "bench-" + UUID.randomUUID();

	private final UserFixtures fixtures = new UserFixtures(Long.toString(System.currentTimeMillis() % 1_000_000, 36));

	// results; null when the phase did not run
	private PhaseResult rawMax;

	private PhaseResult rawDeep;

	private PhaseResult rawRate;

	private PhaseResult clientCeiling;

	private PhaseResult createMax;

	private PhaseResult createRate;

	private PhaseResult filterGet;

	/** The filter GET phase again, once the JIT compilers settled: the steady state a long-running ingress serves. */
	private PhaseResult filterGetSteady;

	private LoadGenerator.Settling getSettling;

	private PhaseResult pagedList;

	private KafkaSide.Preloaded preloaded;

	private IngressProcess.Readiness readiness;

	private IngressProcess.HeapUsage heapAfterRebuild;

	private IngressProcess.HeapUsage heapAtEnd;

	private int rawValueBytes;

	private int createBodyBytes;

	private String ingressLog;

	private String launchNote = "";

	private IngressBenchmark(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(TimeUnit.MINUTES.toMillis(options.maxMinutes()));
				System.err.println("Benchmark abandoned: still running after --max-minutes " + options.maxMinutes());
				System.exit(3); // the shutdown hooks stop the ingress and the broker
			}
			catch (InterruptedException ex) {
				// finished in time
			}
		}, "benchmark-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		int status = run(options, System.out);
		System.out.flush();
		System.exit(status);
	}

	/**
	 * Runs the whole benchmark and prints the report to {@code out}.
	 *
	 * @return 0 when every phase ran (whatever the numbers), 1 when a phase could not run
	 */
	public static int run(BenchOptions options, PrintStream out) {
		installShutdownHook();
		IngressBenchmark benchmark = new IngressBenchmark(options, out);
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
		Path exec = IngressProcess.locateExecJar(options.ingressJar());
		if (exec == null) {
			throw new IllegalStateException("No ingress -exec jar (looked for ingress-service/target/ingress-service-*"
					+ "-exec.jar); build it: ./mvnw -B -pl common-model,ingress-service -DskipTests install");
		}
		Path workDir;
		try {
			workDir = Files.createTempDirectory("ingress-bench-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a work directory", ex);
		}
		createBodyBytes = fixtures.oktaCreateBody(fixtures.userName("scim", 0), 0).length;
		Duration warmup = Duration.ofSeconds(options.warmupSeconds());
		Duration measured = Duration.ofSeconds(options.seconds());
		progress("Work directory " + workDir + "; ingress jar " + exec);
		progress("Starting the Kafka broker (-Xmx" + options.brokerHeap() + ")");
		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.builder().maxHeap(options.brokerHeap()).build()) {
			broker.start();
			String bootstrap = broker.bootstrapServers();
			cpu.broker(brokerProcess());
			KafkaSide.createTopics(bootstrap, options.partitions());
			progress("Broker ready on " + bootstrap + " in " + broker.lastStartupDuration().toMillis() + " ms");

			try (KafkaSide.RawProducer raw = new KafkaSide.RawProducer(bootstrap, fixtures)) {
				rawValueBytes = raw.typicalValueBytes();
				rawMax = phase("raw producer, max, <= " + options.concurrency() + " in flight",
						() -> LoadGenerator.closedLoop("raw max", raw::send, options.concurrency(), warmup, measured, cpu));
				rawDeep = phase("raw producer, max, <= " + options.deepInFlight() + " in flight",
						() -> LoadGenerator.closedLoop("raw deep", raw::send, options.deepInFlight(), warmup, measured,
								cpu));
				rawRate = phase("raw producer, open loop " + options.rate() + "/s",
						() -> LoadGenerator.openLoop("raw rate", raw::send, options.rate(), warmup, measured, cpu,
								maxOutstanding(options.rate())));
			}

			try (IngressProcess ingress = new IngressProcess(exec, workDir, options.ingressHeap(), bootstrap, token,
					options.partitions(), options.ingressJvmArgs())) {
				if (options.ingressLaunch().equals("cds")) {
					progress("Preparing the image's launch: ingress-service/cds-launch.sh (extract, CDS training run)");
					double seconds = ingress.prepareClassDataSharing();
					progress(String.format(Locale.ROOT, "  done in %.1f s", seconds));
				}
				progress("Pre-loading " + options.users() + " users onto " + io.spotbridge.model.Topics.USER_EVENTS);
				preloaded = KafkaSide.preloadUsers(bootstrap, fixtures, options.users());
				progress(String.format(Locale.ROOT, "Pre-loaded %,d users (%,.1f MB) in %.1f s", options.users(),
						preloaded.bytes() / 1e6, preloaded.seconds()));

				progress("Starting the ingress (-Xmx" + options.ingressHeap() + ", launched from "
						+ (options.ingressLaunch().equals("cds") ? "the extracted jar with its CDS archive" : "the -exec jar")
						+ ") and waiting for readiness");
				ingressLog = workDir.toString();
				ingress.start();
				if (!ingress.launchNote().isEmpty()) {
					launchNote = ingress.launchNote();
					progress(launchNote);
				}
				cpu.ingress(ingress.handle());
				readiness = ingress.awaitReady(Duration.ofMinutes(5));
				progress(String.format(Locale.ROOT, "Ingress ready %.0f ms after launch (rebuildMillis %d)",
						readiness.launchToReadyMillis(), readiness.rebuildMillis()));
				heapAfterRebuild = ingress.measureHeap("after-rebuild");
				runScimPhases(ingress, warmup, measured);
				progress("Measuring the heap at the end");
				heapAtEnd = ingress.measureHeap("at-end");
			}
		}
	}

	private void runScimPhases(IngressProcess ingress, Duration warmup, Duration measured) {
		int connections = Math.max(options.concurrency(), 128);
		try (StubScimServer stub = new StubScimServer(StubScimServer.typicalUserResponse(fixtures.userName("stub", 0)));
				ScimLoadClient stubClient = new ScimLoadClient(stub.port(), token, connections)) {
			clientCeiling = phase("client ceiling against a stub server",
					() -> LoadGenerator.closedLoop("client ceiling",
							seq -> stubClient.createUser(fixtures.oktaCreateBody(fixtures.userName("stub", seq), seq)),
							options.concurrency(), warmup, shorter(measured, 10), cpu));
		}
		try (ScimLoadClient client = new ScimLoadClient(ingress.scimPort(), token, connections)) {
			String[] names = preloaded.userNames();
			LoadGenerator.AsyncCall findOne = seq -> client
				.findByUserName(names[ThreadLocalRandom.current().nextInt(names.length)]);
			filterGet = phase("filter GET, open loop " + options.getRate() + "/s",
					() -> LoadGenerator.openLoop("filter GET", findOne, options.getRate(), warmup, measured, cpu,
							maxOutstanding(options.getRate())));
			progress("Settling: filter GETs until the ingress's JIT compilers use < " + SETTLED_JIT_CORES + " cores");
			getSettling = LoadGenerator.settle("filter GET", findOne, LoadGenerator.OPEN_LOOP_WARMUP_CLIENTS,
					Duration.ofSeconds(5), Duration.ofSeconds(options.settleSeconds()), SETTLED_JIT_CORES, cpu);
			progress(String.format(Locale.ROOT, "  %s after %.0f s (JIT %.2f cores in the last 5 s)",
					getSettling.settled() ? "settled" : "NOT settled", getSettling.seconds(),
					getSettling.lastJitCores()));
			filterGetSteady = phase("filter GET, open loop " + options.getRate() + "/s, JIT settled",
					() -> LoadGenerator.openLoop("filter GET steady", findOne, options.getRate(), Duration.ZERO,
							measured, cpu, maxOutstanding(options.getRate())));
			pagedList = phase("unfiltered list page, 4 clients",
					() -> LoadGenerator.closedLoop("paged list",
							seq -> client.get("/scim/v2/Users?startIndex="
									+ (1 + ThreadLocalRandom.current().nextInt(names.length)) + "&count=100"),
							4, shorter(warmup, 2), shorter(measured, 5), cpu));
			createMax = phase("SCIM creates, max, " + options.concurrency() + " clients",
					() -> LoadGenerator.closedLoop("create max",
							seq -> client.createUser(fixtures.oktaCreateBody(fixtures.userName("scim", seq), seq)),
							options.concurrency(), warmup, measured, cpu));
			createRate = phase("SCIM creates, open loop " + options.rate() + "/s",
					() -> LoadGenerator.openLoop("create rate",
							seq -> client.createUser(fixtures.oktaCreateBody(fixtures.userName("scim", seq), seq)),
							options.rate(), warmup, measured, cpu, maxOutstanding(options.rate())));
		}
	}

	private PhaseResult phase(String label, Supplier<PhaseResult> body) {
		progress("Phase: " + label);
		try {
			PhaseResult result = body.get();
			progress(String.format(Locale.ROOT, "  %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d failed", result.throughput(),
					result.latency().p50(), result.latency().p99(), result.failed()));
			if (result.failed() > 0) {
				progress("  failures: " + result.failures().entrySet().stream().limit(5).toList());
			}
			return result;
		}
		catch (RuntimeException ex) {
			problems.add(label + ": " + ex);
			progress("  FAILED: " + ex);
			return null;
		}
	}

	private static Duration shorter(Duration duration, int maxSeconds) {
		return duration.compareTo(Duration.ofSeconds(maxSeconds)) > 0 ? Duration.ofSeconds(maxSeconds) : duration;
	}

	private static int maxOutstanding(int rate) {
		return Math.max(10_000, rate * 20);
	}

	private static ProcessHandle brokerProcess() {
		List<ProcessHandle> children = ProcessHandle.current().children().toList();
		for (ProcessHandle child : children) {
			if (child.info().commandLine().orElse("").contains("BrokerChildMain")) {
				return child;
			}
		}
		return children.size() == 1 ? children.get(0) : null;
	}

	private void progress(String message) {
		out.println("[" + DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()).substring(0, 8) + "] "
				+ message);
		out.flush();
	}

	// ---------------------------------------------------------------------------------------------- report

	private void report() {
		String c = Integer.toString(options.concurrency());
		out.println();
		out.println("==================================================================================================");
		out.println("Ingress benchmark, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(
				java.time.temporal.ChronoUnit.SECONDS)));
		out.printf(Locale.ROOT, "Machine: %d cores, %.1f GiB RAM, %s %s, Java %s; load average now %.2f%n",
				CpuMeter.cores(), totalMemoryGiB(), System.getProperty("os.name"), System.getProperty("os.version"),
				System.getProperty("java.version"), CpuMeter.loadAverage());
		out.printf(Locale.ROOT,
				"Options: users=%d seconds=%d warmup=%d rate=%d/s get-rate=%d/s concurrency=%d deep-in-flight=%d "
						+ "ingress -Xmx%s broker -Xmx%s partitions=%d%n",
				options.users(), options.seconds(), options.warmupSeconds(), options.rate(), options.getRate(),
				options.concurrency(), options.deepInFlight(), options.ingressHeap(), options.brokerHeap(),
				options.partitions());
		if (!options.ingressJvmArgs().isBlank()) {
			out.println("Extra ingress JVM options: " + options.ingressJvmArgs());
		}
		out.printf(Locale.ROOT, "Sizes: user-event record value %d bytes (key 44 bytes); SCIM create body %d bytes%n",
				rawValueBytes, createBodyBytes);
		if (!launchNote.isEmpty()) {
			out.println(launchNote);
		}
		out.println("Latencies in ms; CPU in cores used during the measured window (harness / ingress / broker / rest "
				+ "of the machine).");
		out.println();

		out.println(SECTION_RAW + " (acks=all, idempotent, linger.ms=2; topic " + KafkaSide.RAW_TOPIC + ", "
				+ options.partitions() + " partitions, compacted)");
		header("records/s");
		row("max, <= " + c + " records in flight", rawMax);
		row("max, <= " + options.deepInFlight() + " records in flight", rawDeep);
		row("open loop " + options.rate() + "/s (from intended start)", rawRate);
		out.println();

		out.println(SECTION_SCIM + " (POST /scim/v2/Users, Okta body with password, application/scim+json, Bearer)");
		header("creates/s");
		row("client ceiling: stub server, " + c + " clients", clientCeiling);
		row("ingress, max, " + c + " concurrent clients", createMax);
		row("ingress, open loop " + options.rate() + "/s (from intended)", createRate);
		out.println();
		out.println("   Side by side              raw producer   SCIM create   SCIM / raw");
		sideBySide("max throughput (/s)", rate(rawMax), rate(createMax), true);
		sideBySide("p50 at max (ms)", p50(rawMax), p50(createMax), false);
		sideBySide("p99 at max (ms)", p99(rawMax), p99(createMax), false);
		sideBySide("p50 at " + options.rate() + "/s (ms)", p50(rawRate), p50(createRate), false);
		sideBySide("p99 at " + options.rate() + "/s (ms)", p99(rawRate), p99(createRate), false);
		out.printf(Locale.ROOT,
				"   Headline: ingress creates/s / raw producer records/s = %s (both <= %s in flight); vs the raw "
						+ "producer with <= %d in flight: %s%n",
				ratio(rate(createMax), rate(rawMax)), c, options.deepInFlight(), ratio(rate(createMax), rate(rawDeep)));
		out.println();
		ingressCpu("creates", List.of(createMax, createRate));

		out.println(SECTION_GET + " (GET /scim/v2/Users?filter=userName eq \"<random pre-loaded user>\", "
				+ String.format(Locale.ROOT, "%,d", options.users()) + " pre-loaded users in the directory)");
		header("requests/s");
		row("open loop " + options.getRate() + "/s, first minute", filterGet);
		row("open loop " + options.getRate() + "/s, JIT settled", filterGetSteady);
		row("(info) unfiltered page of 100, 4 clients", pagedList);
		if (getSettling != null) {
			out.printf(Locale.ROOT,
					"   \"first minute\": right after the rebuild, %d s warm-up; \"JIT settled\": after %.0f s more of filter"
							+ " GETs, until the JIT used < %.2f cores in 5 s (%s; %.2f cores in the last 5 s)%n",
					options.warmupSeconds(), getSettling.seconds(), SETTLED_JIT_CORES,
					getSettling.settled() ? "reached" : "NOT reached within " + options.settleSeconds() + " s",
					getSettling.lastJitCores());
		}
		out.println();
		ingressCpu("reads", List.of(filterGet, filterGetSteady, pagedList));

		out.println(SECTION_REBUILD + " (" + String.format(Locale.ROOT, "%,d", options.users())
				+ " users on " + io.spotbridge.model.Topics.USER_EVENTS + ", ingress -Xmx" + options.ingressHeap() + ")");
		if (preloaded != null) {
			out.printf(Locale.ROOT, "   pre-load: %,d UserCreated records, %.1f MB, written in %.1f s%n",
					preloaded.userNames().length, preloaded.bytes() / 1e6, preloaded.seconds());
		}
		if (readiness == null) {
			out.println("   not measured (the ingress did not become ready; see the problems below)");
		}
		else {
			out.printf(Locale.ROOT, "   process launch -> readiness UP:          %,8.0f ms%n", readiness.launchToReadyMillis());
			out.printf(Locale.ROOT,
					"   directory loader rebuildMillis:          %,8d ms  (loader start -> caught up; %,d records read)%n",
					readiness.rebuildMillis(), readiness.recordsRead());
			out.printf(Locale.ROOT, "   Spring Boot: started in %.1f s (JVM running for %.1f s)%n",
					readiness.springStartedSeconds(), readiness.jvmRunningSeconds());
			IngressProcess.GcSummary gc = readiness.gcDuringStart();
			out.printf(Locale.ROOT,
					"   GC until ready: %d young pauses (%.0f ms), %d full (%.0f ms), %d other; largest heap after a GC "
							+ "%d MB of %d MB%n",
					gc.youngPauses(), gc.youngPauseMillis(), gc.fullPauses(), gc.fullPauseMillis(), gc.otherPauses(),
					gc.maxAfterGcMegabytes(), gc.heapCapacityMegabytes());
		}
		heap("heap after rebuild", heapAfterRebuild, options.users());
		long created = (createMax == null ? 0 : createMax.ok()) + (createRate == null ? 0 : createRate.ok());
		heap("heap at the end", heapAtEnd, -1);
		if (heapAtEnd != null) {
			out.printf(Locale.ROOT, "   (at the end the directory also holds the users created in section 2: >= %,d)%n",
					created);
		}
		if (ingressLog != null) {
			out.println("   ingress.log, ingress-gc.log and the class histograms are kept in " + ingressLog);
		}
		out.println();

		summary();
		if (!problems.isEmpty()) {
			out.println();
			out.println("Problems:");
			problems.forEach(p -> out.println(" - " + p));
		}
		out.flush();
	}

	private void header(String unit) {
		out.printf(Locale.ROOT, "   %-44s %11s %8s %8s %8s %8s %7s   %s%n", "phase", unit, "p50", "p99", "p99.9", "max",
				"failed", "CPU h / i / b / rest");
	}

	private void row(String label, PhaseResult r) {
		if (r == null) {
			out.printf(Locale.ROOT, "   %-44s %11s%n", label, "not run");
			return;
		}
		Latencies.Summary l = r.latency();
		CpuMeter.Usage u = r.cpu();
		out.printf(Locale.ROOT, "   %-44s %,11.0f %8.2f %8.2f %8.2f %8.2f %7d   %s / %s / %s / %s%n", label,
				r.throughput(), l.p50(), l.p99(), l.p999(), l.maxMillis(), r.failed(), cores(u.harness()),
				cores(u.ingress()), cores(u.broker()), cores(u.others()));
		r.failures().entrySet().stream().limit(10).forEach(
				failure -> out.printf(Locale.ROOT, "      %,d x %s%n", failure.getValue(), failure.getKey()));
		if (r.failures().size() > 10) {
			out.printf(Locale.ROOT, "      ... and %d other failure reasons%n", r.failures().size() - 10);
		}
	}

	/** Where the ingress's CPU went during these phases, by kind of thread. */
	private void ingressCpu(String what, List<PhaseResult> phases) {
		out.printf(Locale.ROOT, "   Ingress CPU by thread (cores) during the %s phases: %s%n", what,
				String.join(" | ", CpuMeter.THREAD_GROUPS));
		for (PhaseResult r : phases) {
			if (r == null || r.cpu().ingressByThread().isEmpty()) {
				continue;
			}
			List<String> values = new ArrayList<>();
			for (String group : CpuMeter.THREAD_GROUPS) {
				values.add(cores(r.cpu().ingressByThread().getOrDefault(group, Double.NaN)));
			}
			double perRequest = r.cpu().ingress() / Math.max(1e-9, r.throughput()) * 1000;
			out.printf(Locale.ROOT, "     %-40s %s   (%.2f ms of ingress CPU per request)%n", r.name(),
					String.join(" | ", values), perRequest);
		}
		out.println();
	}

	private void sideBySide(String label, double raw, double scim, boolean ratio) {
		out.printf(Locale.ROOT, "   %-24s %12s %13s %12s%n", label, number(raw), number(scim),
				ratio ? ratio(scim, raw) : "");
	}

	private void heap(String label, IngressProcess.HeapUsage heap, int users) {
		if (heap == null) {
			return;
		}
		out.printf(Locale.ROOT,
				"   %s: live objects after a full GC %.1f MB (jcmd GC.class_histogram); G1 used right after that GC "
						+ "%.1f MB (jcmd GC.heap_info); actuator jvm.memory.used{area=heap} %.1f MB%n",
				label, heap.liveBytes() / 1e6, heap.usedAfterFullGcBytes() / 1e6, heap.actuatorHeapUsedBytes() / 1e6);
		if (users >= 10_000 && heap.liveBytes() > 0) {
			out.printf(Locale.ROOT, "   -> about %.0f bytes of live heap per user (everything else included)%n",
					(double) heap.liveBytes() / users);
		}
		if (!heap.topClasses().isEmpty()) {
			out.println("   largest classes:");
			heap.topClasses().forEach(line -> out.println("     " + line));
		}
		if (!heap.problem().isEmpty()) {
			out.println("   measurement problems: " + heap.problem());
		}
	}

	private void summary() {
		out.println(SECTION_SUMMARY);
		out.println();
		out.println("| Metric | Measured | Target | Verdict |");
		out.println("|---|---|---|---|");
		target("SCIM creates/s, " + options.concurrency() + " concurrent clients", rate(createMax), "%,.0f/s",
				">= 2,000/s", rate(createMax) >= 2000);
		target("SCIM create p99 at " + options.rate() + "/s open loop", p99(createRate), "%.1f ms", "<= 50 ms (at 500/s)",
				p99(createRate) <= 50);
		target("Filter GET p99 at " + options.getRate() + "/s open loop, JIT settled", p99(filterGetSteady), "%.2f ms",
				"<= 10 ms", p99(filterGetSteady) <= 10);
		target("(info) Filter GET p99 at " + options.getRate() + "/s, first minute after start", p99(filterGet),
				"%.2f ms", "-", null);
		double launch = readiness == null ? Double.NaN : readiness.launchToReadyMillis() / 1000;
		double loader = readiness == null ? Double.NaN : readiness.rebuildMillis() / 1000.0;
		boolean full = options.users() >= 100_000;
		target(String.format(Locale.ROOT, "Rebuild of %,d users: process launch -> ready", options.users()), launch,
				"%.1f s", "<= 10 s (100,000 users)", full ? launch <= 10 : null);
		target(String.format(Locale.ROOT, "Rebuild of %,d users: loader rebuildMillis", options.users()), loader,
				"%.1f s", "<= 10 s (100,000 users)", full ? loader <= 10 : null);
		double live = heapAfterRebuild == null || heapAfterRebuild.liveBytes() < 0 ? Double.NaN
				: heapAfterRebuild.liveBytes() / 1e6;
		if (readiness == null) {
			out.printf(Locale.ROOT, "| Rebuild within -Xmx%s | did not become ready | ready within -Xmx256m | MISSED |%n",
					options.ingressHeap());
		}
		else {
			target("Rebuild within -Xmx" + options.ingressHeap() + ": ready; live heap after full GC", live, "%.1f MB",
					"ready within -Xmx256m", full && options.ingressHeap().equals("256m") ? Boolean.TRUE : null);
		}
		target("Load client ceiling (stub server, same JVM)", rate(clientCeiling), "%,.0f/s",
				"> 2,000/s (client not the bottleneck)", rate(clientCeiling) > 2000);
		out.printf(Locale.ROOT, "| Headline: SCIM creates/s / raw producer records/s (<= %d in flight) | %s | - | - |%n",
				options.concurrency(), ratio(rate(createMax), rate(rawMax)));
		if (!full) {
			out.println();
			out.printf(Locale.ROOT, "(The rebuild targets are stated for 100,000 users; this run had %,d: n/a.)%n",
					options.users());
		}
	}

	/** @param met null when the target does not apply to this run */
	private void target(String metric, double measured, String format, String target, Boolean met) {
		String value = Double.isNaN(measured) ? "not measured" : String.format(Locale.ROOT, format, measured);
		String verdict = met == null ? "n/a" : Double.isNaN(measured) ? "not measured" : met ? "MET" : "MISSED";
		out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", metric, value, target, verdict);
	}

	private static double rate(PhaseResult r) {
		return r == null ? Double.NaN : r.throughput();
	}

	private static double p50(PhaseResult r) {
		return r == null ? Double.NaN : r.latency().p50();
	}

	private static double p99(PhaseResult r) {
		return r == null ? Double.NaN : r.latency().p99();
	}

	private static String ratio(double numerator, double denominator) {
		return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0 ? "n/a"
				: String.format(Locale.ROOT, "%.2f", numerator / denominator);
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String cores(double value) {
		return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
	}

	private static double totalMemoryGiB() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return sun.getTotalMemorySize() / (1024.0 * 1024 * 1024);
		}
		return Double.NaN;
	}

	/** Stops the ingress children still running when this JVM exits (the broker has its own hook in the testkit). */
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
		}, "benchmark-children-shutdown"));
	}

}
