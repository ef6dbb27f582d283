package io.spotbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.Uuid;

/**
 * A real, single-node Apache Kafka broker (KRaft combined mode: broker + controller, {@code node.id=1})
 * running in a child JVM, so that tests can stop, crash and restart it while their clients keep running.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The listener is {@code PLAINTEXT://127.0.0.1:<port>}. A port of 0 (the default) is replaced by a free
 *       port once, in {@link Builder#build()}; the port then stays the same for every restart, so clients
 *       reconnect to the same {@link #bootstrapServers()} address. The controller port is chosen the same way.</li>
 *   <li>{@link #start()} blocks until the broker accepts connections and can serve metadata and create
 *       topics, or fails after the startup timeout with an {@link IllegalStateException} whose message holds
 *       the tail of the child's log. The child is killed when start fails.</li>
 *   <li>The storage is formatted only on the first start of a data directory (when
 *       {@code kafka-logs/meta.properties} does not exist yet); later starts on the same data directory
 *       recover every topic and record that was written before (also after {@link #kill()}, since the
 *       records are in the OS page cache when the broker acknowledges them).</li>
 *   <li>{@link #stop()} is graceful (SIGTERM, then waits for a controlled shutdown); {@link #kill()} is a
 *       crash (SIGKILL). Both return only when the child process has exited and are no-ops when the broker
 *       is not running.</li>
 *   <li>The child dies with the parent: a JVM shutdown hook stops it, and the child itself exits when
 *       the pipe on its standard input closes (which also covers a SIGKILL of the parent JVM).</li>
 *   <li>{@code auto.create.topics.enable} is {@code false} unless {@link Builder#autoCreateTopics(boolean)}
 *       says otherwise: tests create their topics explicitly. Internal topics use replication factor 1 and
 *       a single partition ({@code __consumer_offsets}, {@code __transaction_state}).</li>
 *   <li>The child's stdout and stderr (its logging goes to stdout, root level WARN by default) are appended
 *       to {@link #logFile()} in the data directory, never to the parent's console.</li>
 *   <li>The child runs {@code java} from this JVM's {@code java.home} with this JVM's {@code java.class.path}
 *       (override with {@link Builder#classpath(String)}); that classpath must contain {@code kafka_2.13}
 *       and its runtime dependencies, as the test classpath of a module depending on this one does.</li>
 * </ul>
 * Methods are thread-safe (synchronized). Not reusable after {@link #close()}.
 *
 * <pre>{@code
 * try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.builder().build()) {
 *     broker.start();
 *     String bootstrap = broker.bootstrapServers(); // "127.0.0.1:<port>"
 *     broker.kill();   // crash
 *     broker.start();  // same port, same data
 * }
 * }</pre>
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

    private static final String READY_LINE_PREFIX = "Kafka ready on ";

    private final int port;
    private final int controllerPort;
    private final BrokerFiles files;
    private final boolean deleteDataDirOnClose;
    private final String maxHeap;
    private final List<String> extraJvmArgs;
    private final Map<String, String> brokerProperties;
    private final boolean autoCreateTopics;
    private final String logLevel;
    private final Duration startupTimeout;
    private final Duration shutdownTimeout;
    private final String classpath;

    private volatile Process process;
    private Thread shutdownHook;
    private boolean closed;
    private int starts;
    private Duration lastStartupDuration;

    private StandaloneKafkaBroker(Builder b, int port, int controllerPort, Path dataDir, boolean deleteDataDirOnClose) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.files = new BrokerFiles(dataDir);
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.maxHeap = b.maxHeap;
        this.extraJvmArgs = List.copyOf(b.jvmArgs);
        this.brokerProperties = Map.copyOf(b.brokerProperties);
        this.autoCreateTopics = b.autoCreateTopics;
        this.logLevel = b.logLevel;
        this.startupTimeout = b.startupTimeout;
        this.shutdownTimeout = b.shutdownTimeout;
        this.classpath = b.classpath != null ? b.classpath : System.getProperty("java.class.path");
    }

    /** A builder with the defaults: free ports, a temporary data directory deleted on close, -Xmx512m. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the child JVM and blocks until the broker is ready. Does nothing if it is already running.
     *
     * @throws IllegalStateException if the broker is closed, a port is already taken by another process,
     *         the child exits early, or the broker is not ready within the startup timeout; the message
     *         contains the last lines of {@link #logFile()}
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The broker is closed");
        }
        if (isRunning()) {
            return;
        }
        if (process != null) { // crashed by itself since the last start
            closeQuietly(process);
            process = null;
        }
        for (int p : new int[] {port, controllerPort}) {
            if (BrokerReadiness.isListening(p)) {
                throw new IllegalStateException("Cannot start Kafka: port 127.0.0.1:" + p
                        + " is already in use by another process");
            }
        }
        Instant begin = Instant.now();
        starts++;
        boolean format = !files.isFormatted();
        writeConfigFiles();
        long logOffset = files.markRunStart("===== testkit: start #" + starts + " at " + begin
                + (format ? " (formatting new storage)" : "") + " =====");
        Process child = launchChild(format);
        process = child;
        registerShutdownHookOnce();
        try {
            BrokerReadiness.await(port, child, begin.plus(startupTimeout));
        } catch (BrokerReadiness.ChildExitedException e) {
            closeQuietly(child);
            process = null;
            throw startFailure("the child JVM exited with code " + e.exitCode + " before the broker was ready",
                    logOffset);
        } catch (BrokerReadiness.NotReadyException e) {
            destroyAndWait(child, true);
            process = null;
            throw startFailure("not ready within " + startupTimeout.toSeconds() + " s: " + e.getMessage(), logOffset);
        } catch (InterruptedException e) {
            destroyAndWait(child, true);
            process = null;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        } catch (RuntimeException e) {
            destroyAndWait(child, true);
            process = null;
            throw e;
        }
        lastStartupDuration = Duration.between(begin, Instant.now());
    }

    /**
     * Graceful stop: SIGTERM, then waits (up to the shutdown timeout, then SIGKILL) until the child has exited.
     * Does nothing if the broker is not running.
     */
    public synchronized void stop() {
        Process child = process;
        if (child != null) {
            destroyAndWait(child, false);
            process = null;
        }
    }

    /** Crash: SIGKILL, then waits until the child has exited. Does nothing if the broker is not running. */
    public synchronized void kill() {
        Process child = process;
        if (child != null) {
            destroyAndWait(child, true);
            process = null;
        }
    }

    /** {@link #stop()}, then deletes the data directory if it was a temporary one (see the builder). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or about to: nothing to remove
            }
        }
        if (deleteDataDirOnClose) {
            BrokerFiles.deleteRecursively(files.dataDir());
        }
    }

    /** {@code "127.0.0.1:<port>"}; the same before, during and after restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The PLAINTEXT listener port, fixed at build time. */
    public int port() {
        return port;
    }

    /** The CONTROLLER listener port, fixed at build time. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The data directory (configuration, {@code broker.log} and {@code kafka-logs/}). */
    public Path dataDir() {
        return files.dataDir();
    }

    /** The child's stdout and stderr, appended across restarts; each start writes a marker line first. */
    public Path logFile() {
        return files.brokerLog();
    }

    /** True while the child JVM is alive (it may have crashed by itself since the last start). */
    public boolean isRunning() {
        Process child = process;
        return child != null && child.isAlive();
    }

    /** How long the last successful {@link #start()} took, or {@code null} before the first one. */
    public synchronized Duration lastStartupDuration() {
        return lastStartupDuration;
    }

    /** The child process, for tests of this class. */
    Process childProcess() {
        return process;
    }

    private void writeConfigFiles() {
        try {
            Files.createDirectories(files.logDirs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + files.logDirs(), e);
        }
        files.writeServerProperties(BrokerFiles.serverProperties(port, controllerPort, files.logDirs(),
                autoCreateTopics, brokerProperties));
        files.writeLoggingConfigs(logLevel);
        files.writeClasspathArgFile(classpath);
    }

    private Process launchChild(boolean format) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + files.classpathArgFile());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + files.log4j2Config());
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.add("-Dlogback.configurationFile=" + files.logbackConfig());
        command.addAll(extraJvmArgs);
        command.add(BrokerChildMain.class.getName());
        command.add(files.serverProperties().toString());
        if (format) {
            command.add(BrokerChildMain.FORMAT_OPTION);
            command.add(Uuid.randomUuid().toString());
        }
        command.add(BrokerChildMain.WATCH_STDIN_OPTION);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(files.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.brokerLog().toFile()));
        // stdin stays a pipe that this JVM never closes while the child should live: the child's watchdog
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command.get(0), e);
        }
    }

    private void destroyAndWait(Process child, boolean forcibly) {
        if (forcibly) {
            child.destroyForcibly();
        } else {
            child.destroy();
        }
        try {
            if (!child.waitFor(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                child.waitFor();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(child);
        }
    }

    private static void closeQuietly(Process child) {
        try {
            child.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone anyway
        }
    }

    private IllegalStateException startFailure(String reason, long logOffset) {
        return new IllegalStateException("Kafka broker on " + bootstrapServers() + " failed to start: " + reason
                + System.lineSeparator() + "----- last lines of " + files.brokerLog() + " -----"
                + System.lineSeparator() + files.tailOfBrokerLog(logOffset, 40));
    }

    /** Stops the child when this JVM exits without {@link #close()}; does not take the monitor. */
    private void registerShutdownHookOnce() {
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(() -> {
            Process child = process;
            if (child != null && child.isAlive()) {
                child.destroy();
                try {
                    if (!child.waitFor(Math.min(10_000, shutdownTimeout.toMillis()), TimeUnit.MILLISECONDS)) {
                        child.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    child.destroyForcibly();
                }
            }
            if (deleteDataDirOnClose) {
                BrokerFiles.deleteRecursively(files.dataDir());
            }
        }, "testkit-kafka-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs a broker until this JVM gets SIGTERM (or SIGINT):
     * {@code java -cp ... io.spotbridge.testkit.StandaloneKafkaBroker [--port 9092] [--data-dir ./kafka-data]
     * [--controller-port N] [--heap 512m] [--jvm-arg -XX:...]... [--startup-timeout-seconds 60]}. Prints exactly one line
     * {@code Kafka ready on 127.0.0.1:<port>} to stdout when the broker is ready; the data directory is kept
     * (without {@code --data-dir} a temporary one is used and deleted on exit). Exits with status 1 if the
     * broker fails to start or dies by itself.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--controller-port" -> builder.controllerPort(Integer.parseInt(value));
                case "--data-dir" -> builder.dataDir(Path.of(value)).deleteDataDirOnClose(false);
                case "--heap" -> builder.maxHeap(value);
                case "--jvm-arg" -> builder.jvmArgs(value);
                case "--startup-timeout-seconds" -> builder.startupTimeout(Duration.ofSeconds(Long.parseLong(value)));
                default -> usage("unknown option " + option);
            }
        }
        StandaloneKafkaBroker broker = builder.build();
        try {
            broker.start();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            broker.close();
            System.exit(1);
        }
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            broker.close();
        }, "testkit-kafka-main-shutdown"));
        System.out.println(READY_LINE_PREFIX + broker.bootstrapServers());
        System.out.flush();
        int exitCode = broker.childProcess().waitFor();
        if (shuttingDown.get()) {
            return; // SIGTERM/SIGINT: the hooks stop the broker
        }
        System.err.println("The Kafka broker exited by itself with code " + exitCode + "; see " + broker.logFile());
        System.exit(1);
    }

    private static void usage(String problem) {
        System.err.println(problem + System.lineSeparator() + "Usage: StandaloneKafkaBroker [--port N] [--data-dir DIR]"
                + " [--controller-port N] [--heap 512m] [--jvm-arg OPTION]... [--startup-timeout-seconds N]");
        System.exit(2);
    }

    /** Options of a {@link StandaloneKafkaBroker}; every option has a default. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private Boolean deleteDataDirOnClose;
        private String maxHeap = "512m";
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private boolean autoCreateTopics;
        private String logLevel = "WARN";
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private String classpath;

        private Builder() {
        }

        /** PLAINTEXT port on 127.0.0.1; 0 (default) = a free port chosen once by {@link #build()}. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** CONTROLLER port on 127.0.0.1; 0 (default) = a free port chosen once by {@link #build()}. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /**
         * Where configuration, {@code broker.log} and the Kafka data live (created if missing). Default: a new
         * temporary directory. Reusing a directory of an earlier broker keeps its topics and records.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Whether {@link #close()} deletes the data directory. Default: true for a temporary one, else false. */
        public Builder deleteDataDirOnClose(boolean delete) {
            this.deleteDataDirOnClose = delete;
            return this;
        }

        /** Maximum heap of the child JVM, as for {@code -Xmx}. Default {@code 512m}. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** Extra options for the child JVM, e.g. {@code -XX:+UseSerialGC}. */
        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(Arrays.asList(args));
            return this;
        }

        /**
         * Trades peak throughput for a faster start of the child JVM ({@code -XX:TieredStopAtLevel=1
         * -XX:+UseSerialGC}, C1 only): good for outage tests on small machines, wrong for benchmarks.
         */
        public Builder fastStartup() {
            return jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        }

        /** Sets or overrides one line of the generated {@code server.properties}. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** {@code auto.create.topics.enable}; default false. */
        public Builder autoCreateTopics(boolean enabled) {
            this.autoCreateTopics = enabled;
            return this;
        }

        /** Root log level of the child (TRACE..ERROR); default WARN. Start/stop messages are logged at INFO. */
        public Builder logLevel(String level) {
            this.logLevel = Objects.requireNonNull(level, "level").toUpperCase(Locale.ROOT);
            return this;
        }

        /** How long {@link #start()} waits for the broker to be ready; default 60 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout);
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before it sends SIGKILL; default 30 s. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = requirePositive(timeout);
            return this;
        }

        /** Classpath of the child JVM; default this JVM's {@code java.class.path}. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** Chooses the free ports (if 0) and the data directory; starts nothing. */
        public StandaloneKafkaBroker build() {
            int chosenPort = port != 0 ? port : freePort(-1);
            int chosenControllerPort = controllerPort != 0 ? controllerPort : freePort(chosenPort);
            if (chosenPort == chosenControllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ: " + chosenPort);
            }
            boolean temporary = dataDir == null;
            Path dir;
            try {
                dir = temporary ? Files.createTempDirectory("kafka-broker-") : Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory", e);
            }
            boolean delete = deleteDataDirOnClose != null ? deleteDataDirOnClose : temporary;
            return new StandaloneKafkaBroker(this, chosenPort, chosenControllerPort, dir.toAbsolutePath(), delete);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }

        private static Duration requirePositive(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Timeout must be positive: " + timeout);
            }
            return timeout;
        }

        private static int freePort(int exclude) {
            for (int attempt = 0; attempt < 10; attempt++) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
                    int candidate = socket.getLocalPort();
                    if (candidate != exclude) {
                        return candidate;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot find a free port", e);
                }
            }
            throw new IllegalStateException("Cannot find a free port");
        }
    }
}
