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
 * cores: CPU seconds per second of wall time.
 */
final class ChildCpu {

	private final long wallNanos = System.nanoTime();

	private final Map<String, Long> cpuNanos;

	private final long[] machine;

	private ChildCpu() {
		this.cpuNanos = sample();
		this.machine = machineJiffies();
	}

	static ChildCpu start() {
		return new ChildCpu();
	}

	/** "cores: simulator 0.61, worker 0.80, ingress 0.30, broker 0.20, harness 0.05, others 0.40 (machine 2.0 of 2); load 3.1". */
	String until() {
		Map<String, Long> end = sample();
		long[] endMachine = machineJiffies();
		double wall = Math.max(1, System.nanoTime() - wallNanos);
		StringJoiner line = new StringJoiner(", ", "cores: ", "");
		double ours = 0;
		for (Map.Entry<String, Long> child : end.entrySet()) {
			Long from = cpuNanos.get(child.getKey());
			if (from == null) {
				continue;
			}
			double cores = (child.getValue() - from) / wall;
			ours += cores;
			line.add(String.format(Locale.ROOT, "%s %.2f", child.getKey(), cores));
		}
		int processors = Runtime.getRuntime().availableProcessors();
		if (machine[0] >= 0 && endMachine[1] > machine[1]) {
			double busy = (double) (endMachine[0] - machine[0]) / (endMachine[1] - machine[1]) * processors;
			line.add(String.format(Locale.ROOT, "others %.2f (machine %.2f of %d)", Math.max(0, busy - ours), busy,
					processors));
		}
		return line + String.format(Locale.ROOT, "; load average %.1f", CpuMeter.loadAverage());
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
