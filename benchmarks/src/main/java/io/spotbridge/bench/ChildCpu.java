package io.spotbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU used during a phase by each child JVM of the harness (broker, simulator, ingress, worker: told apart by their
 * command lines), by the harness itself and by the whole machine (so others' builds on a shared machine show), in
 * cores: CPU seconds per second of wall time; and of each process, what its JIT compiler threads used.
 */
final class ChildCpu {

	/** USER_HZ: the unit of the thread CPU times in /proc. */
	private static final long CLOCK_TICKS = 100;

	private final long wallNanos = System.nanoTime();

	private final Map<String, Long> cpuNanos;

	private final Map<String, Map<Long, Long>> jitTicks;

	private final long[] machine;

	private ChildCpu() {
		this.cpuNanos = sample();
		this.jitTicks = jitSample();
		this.machine = machineJiffies();
	}

	static ChildCpu start() {
		return new ChildCpu();
	}

	/**
	 * What each process used since {@link #start}, in cores, and of that its JIT compiler threads.
	 *
	 * @param line "cores: simulator 0.61 (JIT 0.02), worker 0.80 (JIT 0.05), ..., others 0.40 (machine 2.0 of 2); load
	 * average 3.1"
	 * @param jit the JIT compilers' cores by process name (simulator, worker, ingress, broker, harness)
	 */
	record Reading(String line, Map<String, Double> jit) {

		/** The JIT compilers' cores of the named processes together (absent ones count 0). */
		double jitOf(String... processes) {
			double sum = 0;
			for (String process : processes) {
				sum += jit.getOrDefault(process, 0.0);
			}
			return sum;
		}
	}

	Reading until() {
		Map<String, Long> end = sample();
		Map<String, Map<Long, Long>> endJit = jitSample();
		long[] endMachine = machineJiffies();
		double wall = Math.max(1, System.nanoTime() - wallNanos);
		StringJoiner line = new StringJoiner(", ", "cores: ", "");
		Map<String, Double> jit = new LinkedHashMap<>();
		double ours = 0;
		for (Map.Entry<String, Long> child : end.entrySet()) {
			Long from = cpuNanos.get(child.getKey());
			if (from == null) {
				continue;
			}
			double cores = (child.getValue() - from) / wall;
			ours += cores;
			Map<Long, Long> jitFrom = jitTicks.get(child.getKey());
			Map<Long, Long> jitTo = endJit.get(child.getKey());
			if (jitFrom != null && jitTo != null) {
				double jitCores = ticksSince(jitFrom, jitTo) * 1e9 / CLOCK_TICKS / wall;
				jit.put(child.getKey(), jitCores);
				line.add(String.format(Locale.ROOT, "%s %.2f (JIT %.2f)", child.getKey(), cores, jitCores));
			}
			else {
				line.add(String.format(Locale.ROOT, "%s %.2f", child.getKey(), cores));
			}
		}
		int processors = Runtime.getRuntime().availableProcessors();
		if (machine[0] >= 0 && endMachine[1] > machine[1]) {
			double busy = (double) (endMachine[0] - machine[0]) / (endMachine[1] - machine[1]) * processors;
			line.add(String.format(Locale.ROOT, "others %.2f (machine %.2f of %d)", Math.max(0, busy - ours), busy,
					processors));
		}
		return new Reading(line + String.format(Locale.ROOT, "; load average %.1f", CpuMeter.loadAverage()), jit);
	}

	/**
	 * CPU ticks of each process's C1/C2 compiler threads, by thread id (processes named as {@link #sample} names them).
	 * By thread, because the JVM stops idle compiler threads and starts new ones: a sum over the threads alive at each
	 * end would lose the stopped threads' whole history and could even fall.
	 */
	private static Map<String, Map<Long, Long>> jitSample() {
		Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
		ProcessHandle.current().children()
			.forEach(child -> ticks.computeIfAbsent(nameOf(child), name -> new LinkedHashMap<>())
				.putAll(CpuMeter.threadTicks(child, "jit")));
		ticks.put("harness", CpuMeter.threadTicks(ProcessHandle.current(), "jit"));
		return ticks;
	}

	/**
	 * Ticks used between two samples by the threads alive at the second: a thread that started in between counts from
	 * zero; what a thread used before it stopped in between is lost (an undercount).
	 */
	static long ticksSince(Map<Long, Long> from, Map<Long, Long> to) {
		long sum = 0;
		for (Map.Entry<Long, Long> thread : to.entrySet()) {
			sum += Math.max(0, thread.getValue() - from.getOrDefault(thread.getKey(), 0L));
		}
		return sum;
	}

	private static Map<String, Long> sample() {
		Map<String, Long> cpu = new LinkedHashMap<>();
		ProcessHandle.current().children().forEach(child -> {
			String name = nameOf(child);
			long nanos = child.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
			if (nanos >= 0) {
				cpu.merge(name, nanos, Long::sum);
			}
		});
		ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> cpu.put("harness", d.toNanos()));
		return cpu;
	}

	private static String nameOf(ProcessHandle child) {
		String command = child.info().commandLine().orElse("").toLowerCase(Locale.ROOT);
		if (command.contains("spot-simulator")) {
			return "simulator";
		}
		if (command.contains("worker")) {
			return "worker";
		}
		if (command.contains("ingress")) {
			return "ingress";
		}
		if (command.contains("kafka")) {
			return "broker";
		}
		return "child-" + child.pid();
	}

	/** {busy, total} jiffies of all CPUs, or {-1, -1} where /proc/stat is not readable. */
	private static long[] machineJiffies() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			long total = 0;
			for (int i = 1; i < f.length && i <= 8; i++) {
				long value = Long.parseLong(f[i]);
				total += value;
				if (i != 4 && i != 5) {
					busy += value;
				}
			}
			return new long[] { busy, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { -1, -1 };
		}
	}

}
