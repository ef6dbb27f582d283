package io.spotbridge.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of this harness, of the ingress and broker children, and of the whole machine (from {@code /proc/stat}, so
 * the other builds running on a shared machine show up as "others"). All figures are in cores: CPU seconds per
 * second of wall time, so 2.0 is the whole of a 2-core machine.
 */
final class CpuMeter {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	/** USER_HZ: the unit of the CPU times in /proc (100 on every Linux this runs on). */
	private static final long CLOCK_TICKS = 100;

	private volatile ProcessHandle ingress;

	private volatile ProcessHandle broker;

	void ingress(ProcessHandle process) {
		this.ingress = process;
	}

	void broker(ProcessHandle process) {
		this.broker = process;
	}

	Snapshot snapshot() {
		long[] machine = machineJiffies();
		return new Snapshot(System.nanoTime(), selfCpuNanos(), cpuNanos(ingress), cpuNanos(broker), machine[0],
				machine[1], threadGroups(ingress));
	}

	/** The kinds of ingress threads the breakdown tells apart, in report order. */
	static final List<String> THREAD_GROUPS = List.of("http", "kafka-io", "loader", "gc", "jit", "other");

	/**
	 * CPU ticks of the ingress threads by kind, from {@code /proc/<pid>/task/<tid>/stat} (thread names as Linux keeps
	 * them, 15 characters): Netty event loops (request handling), the Kafka producer's I/O thread, the directory
	 * loader, the garbage collector (and the VM thread that runs its pauses), the JIT compilers, the rest.
	 */
	static Map<String, Long> threadGroups(ProcessHandle process) {
		Map<String, Long> ticks = new LinkedHashMap<>();
		THREAD_GROUPS.forEach(group -> ticks.put(group, 0L));
		forEachThread(process, (tid, name, used) -> ticks.merge(groupOf(name), used, Long::sum));
		return ticks;
	}

	/** CPU ticks of the process's threads of one kind ({@link #THREAD_GROUPS}), by Linux thread id. */
	static Map<Long, Long> threadTicks(ProcessHandle process, String group) {
		Map<Long, Long> ticks = new LinkedHashMap<>();
		forEachThread(process, (tid, name, used) -> {
			if (groupOf(name).equals(group)) {
				ticks.put(tid, used);
			}
		});
		return ticks;
	}

	private interface ThreadVisitor {

		void visit(long tid, String name, long ticks);

	}

	/** Every thread of the process with its name and CPU ticks (utime + stime), from /proc/<pid>/task/<tid>/stat. */
	private static void forEachThread(ProcessHandle process, ThreadVisitor visitor) {
		if (process == null) {
			return;
		}
		Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				try {
					String stat = Files.readString(thread.resolve("stat"));
					int open = stat.indexOf('(');
					int close = stat.lastIndexOf(')');
					String name = stat.substring(open + 1, close);
					String[] f = stat.substring(close + 2).split(" ");
					long used = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
					visitor.visit(Long.parseLong(thread.getFileName().toString()), name, used);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process is gone
		}
	}

	static String groupOf(String thread) {
		if (thread.startsWith("reactor-http")) {
			return "http";
		}
		if (thread.startsWith("kafka-producer")) {
			return "kafka-io";
		}
		if (thread.startsWith("directory-load")) {
			return "loader";
		}
		if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
			return "gc";
		}
		if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
			return "jit";
		}
		return "other";
	}

	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	/** Load average (1 min) of the machine, or NaN where unknown. */
	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static long selfCpuNanos() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return sun.getProcessCpuTime();
		}
		return cpuNanos(ProcessHandle.current());
	}

	private static long cpuNanos(ProcessHandle process) {
		if (process == null) {
			return -1;
		}
		Optional<Duration> cpu = process.info().totalCpuDuration();
		return cpu.map(Duration::toNanos).orElse(-1L);
	}

	/** {busy, total} jiffies of all CPUs, or {-1, -1} where /proc/stat is not readable. */
	private static long[] machineJiffies() {
		try {
			String line = Files.readAllLines(PROC_STAT).get(0);
			String[] f = line.trim().split("\\s+");
			long user = Long.parseLong(f[1]);
			long nice = Long.parseLong(f[2]);
			long system = Long.parseLong(f[3]);
			long idle = Long.parseLong(f[4]);
			long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
			long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
			long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
			long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
			long busy = user + nice + system + irq + softirq + steal;
			return new long[] { busy, busy + idle + iowait };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { -1, -1 };
		}
	}

	record Snapshot(long wallNanos, long harness, long ingress, long broker, long machineBusy, long machineTotal,
			Map<String, Long> ingressThreadTicks) {

		Usage until(Snapshot end) {
			double wall = Math.max(1, end.wallNanos - wallNanos);
			double machine = machineBusy < 0 || end.machineTotal <= machineTotal ? Double.NaN
					: (double) (end.machineBusy - machineBusy) / (end.machineTotal - machineTotal) * CpuMeter.cores();
			Map<String, Double> groups = new LinkedHashMap<>();
			end.ingressThreadTicks.forEach((group, ticks) -> groups.put(group,
					Math.max(0, ticks - ingressThreadTicks.getOrDefault(group, 0L)) * 1e9 / CLOCK_TICKS / wall));
			return new Usage(cores(harness, end.harness, wall), cores(ingress, end.ingress, wall),
					cores(broker, end.broker, wall), machine, groups);
		}

		private static double cores(long from, long to, double wall) {
			return from < 0 || to < 0 ? Double.NaN : (to - from) / wall;
		}

	}

	/** Cores used during a phase; NaN where unknown. */
	record Usage(double harness, double ingress, double broker, double machine, Map<String, Double> ingressByThread) {

		/** What the rest of the machine (other users' builds) used. */
		double others() {
			double ours = zeroIfNaN(harness) + zeroIfNaN(ingress) + zeroIfNaN(broker);
			return Double.isNaN(machine) ? Double.NaN : Math.max(0, machine - ours);
		}

		private static double zeroIfNaN(double value) {
			return Double.isNaN(value) ? 0 : value;
		}

	}

}
