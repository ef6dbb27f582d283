package io.spotbridge.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Options of one benchmark run. Each can be given as {@code --name value}, {@code --name=value} or as the system
 * property {@code bench.name}; the argument wins.
 *
 * @param users          users on the topic before the ingress starts (rebuild and filter GET phases)
 * @param seconds        measured duration of each load phase
 * @param warmupSeconds  unmeasured load before each phase (default: half of seconds, at most 10)
 * @param rate           fixed open-loop rate (per second) of the raw producer and SCIM create latency phases
 * @param getRate        fixed open-loop rate of the filter GET phase
 * @param concurrency    concurrent clients (SCIM) / records in flight (raw producer) of the max-throughput phases
 * @param deepInFlight   records in flight of the second, deeper raw producer max-throughput phase
 * @param ingressHeap    -Xmx of the ingress child JVM
 * @param brokerHeap     -Xmx of the Kafka broker child JVM
 * @param partitions     partitions of every topic (the ingress is started with the same number)
 * @param ingressJar     the ingress -exec jar; null = look in ingress-service/target and ../ingress-service/target
 * @param maxMinutes     hard bound of a run started by main(): past it the run is abandoned and the children stopped
 * @param ingressJvmArgs extra options of the ingress JVM, space-separated (e.g. a flight recording); empty by default
 * @param settleSeconds  at most this long, filter GETs go on after the first GET phase until the ingress's JIT
 *                       compilers are (nearly) idle, before the steady-state GET phase
 * @param ingressLaunch  {@code cds}: as the ingress image launches it (extracted jar + class data sharing archive from
 *                       a training run); {@code jar}: {@code java -jar} the -exec jar
 */
public record BenchOptions(int users, int seconds, int warmupSeconds, int rate, int getRate, int concurrency,
		int deepInFlight, String ingressHeap, String brokerHeap, int partitions, Path ingressJar, int maxMinutes,
		String ingressJvmArgs, int settleSeconds, String ingressLaunch) {

	static final String USAGE = """
			Usage: IngressBenchmark [--users 100000] [--seconds 20] [--warmup-seconds 10] [--rate 500]
			                        [--get-rate <rate>] [--concurrency 64] [--deep-in-flight 1024]
			                        [--ingress-heap 256m] [--broker-heap 512m] [--partitions 6]
			                        [--ingress-jar PATH] [--max-minutes 30] [--ingress-jvm-args "-XX:..."]
			                        [--settle-seconds 120] [--ingress-launch cds|jar]
			Every option can also be set as a system property bench.<name> (e.g. -Dbench.users=2000).
			Quick run: --users 2000 --seconds 5""";

	public BenchOptions {
		positive("users", users);
		positive("seconds", seconds);
		if (warmupSeconds < 0) {
			throw new IllegalArgumentException("--warmup-seconds must be >= 0");
		}
		positive("rate", rate);
		positive("get-rate", getRate);
		positive("concurrency", concurrency);
		positive("deep-in-flight", deepInFlight);
		positive("partitions", partitions);
		positive("max-minutes", maxMinutes);
		if (!ingressLaunch.equals("cds") && !ingressLaunch.equals("jar")) {
			throw new IllegalArgumentException("--ingress-launch must be cds or jar");
		}
		if (settleSeconds < 0) {
			throw new IllegalArgumentException("--settle-seconds must be >= 0");
		}
	}

	public static BenchOptions parse(String... args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h") || arg.equals("--help")) {
				throw new IllegalArgumentException("help requested");
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value for " + arg);
				}
				value = args[++i];
			}
			given.put(name.toLowerCase(Locale.ROOT), value);
		}
		Lookup o = new Lookup(given);
		int seconds = o.integer("seconds", 20);
		int rate = o.integer("rate", 500);
		String jar = o.string("ingress-jar", null);
		BenchOptions options = new BenchOptions(o.integer("users", 100_000), seconds,
				o.integer("warmup-seconds", Math.min(10, Math.max(1, seconds / 2))), rate, o.integer("get-rate", rate),
				o.integer("concurrency", 64), o.integer("deep-in-flight", 1024), o.string("ingress-heap", "256m"),
				o.string("broker-heap", "512m"), o.integer("partitions", 6),
				jar == null ? null : Path.of(jar),
				o.integer("max-minutes", 30), o.string("ingress-jvm-args", ""),
				o.integer("settle-seconds", 120), o.string("ingress-launch", "cds"));
		if (!o.unused().isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + o.unused());
		}
		return options;
	}

	private static void positive(String name, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException("--" + name + " must be > 0, was " + value);
		}
	}

	private static final class Lookup {

		private final Map<String, String> given;

		Lookup(Map<String, String> given) {
			this.given = new LinkedHashMap<>(given);
		}

		String string(String name, String fallback) {
			String value = given.remove(name);
			if (value == null) {
				value = System.getProperty("bench." + name);
			}
			return value == null || value.isBlank() ? fallback : value.trim();
		}

		int integer(String name, int fallback) {
			String value = string(name, null);
			if (value == null) {
				return fallback;
			}
			try {
				return Integer.parseInt(value.replace("_", ""));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " must be an integer, was " + value);
			}
		}

		Map<String, String> unused() {
			return given;
		}

	}

}
