package io.spotbridge.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/bridge local}: starts Kafka, the simulator (unless the real Spot API is configured), the ingress and the
 * worker (when built) as child processes, waits until each is ready, writes local.json, prints the {@code Ready:}
 * line and supervises them until the JVM is asked to stop (SIGTERM, Ctrl-C, {@code bin/bridge stop}).
 *
 * <p>Stopping (a JVM shutdown hook, so it runs for SIGTERM and SIGINT alike): the worker, the ingress and the
 * simulator are stopped in parallel, then Kafka (so that the services do not wait on a missing broker); each gets
 * SIGTERM, then SIGKILL after its stop timeout, and so does whatever it started. Then local.json and the pid file are
 * removed.
 */
final class LocalStack {

    private final Settings settings;
    private final Artifacts artifacts;
    private final Console console;
    private final DataDir dataDir;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ManagedProcess> components = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final long self = ProcessHandle.current().pid();
    private LocalJson published;
    private FileChannel lockChannel;

    LocalStack(Settings settings, Artifacts artifacts, Console console) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.console = console;
        this.dataDir = new DataDir(settings.dataDir());
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bridge-supervisor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs the stack. Returns only if it could not start (the exit code to use); otherwise it blocks until the JVM
     * shuts down.
     */
    int run() throws InterruptedException {
        settings.halfConfiguredSpotWarning().ifPresent(console::info);
        Artifacts.requireBootJar(artifacts.ingressJar(), "ingress-service");
        if (!settings.realSpot()) {
            Artifacts.requireBootJar(artifacts.simulatorJar(), "spot-simulator");
        }
        artifacts.kafkaClasspath();
        Optional<Path> workerJar = artifacts.workerJarIfBuilt();
        if (workerJar.isEmpty()) {
            console.info("provisioner-worker not built yet: skipping (" + artifacts.workerJar() + " is missing)");
        } else {
            Optional<String> problem = Artifacts.bootJarProblem(workerJar.get());
            if (problem.isPresent()) {
                console.error("provisioner-worker cannot be started, skipping it: " + problem.get());
                workerJar = Optional.empty();
            }
        }
        dataDir.create();
        lockDataDir();
        stopLeftovers();
        int controllerPort = checkPorts(workerJar.isPresent());
        ScimToken token = ScimToken.resolve(settings.scimToken(), dataDir);
        if (token.generated()) {
            console.info("generated a SCIM token; it is kept in " + dataDir.scimToken() + " for the next starts");
        }
        String adminToken = AdminToken.resolve(dataDir);
        Components specs = new Components(settings, artifacts, dataDir, token.value(), adminToken, controllerPort);
        add(specs.kafka());
        if (settings.realSpot()) {
            console.info("using the real Spot API at " + specs.spotApiUrl() + " (no simulator); Okta may send"
                    + " SPOT_TOKEN or the SCIM token");
        } else {
            add(specs.simulator());
        }
        add(specs.ingress());
        workerJar.ifPresent(jar -> add(specs.worker(jar)));
        synchronized (this) {
            dataDir.writePids(self, pids);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "bridge-shutdown"));

        Instant deadline = Instant.now().plus(settings.startupTimeout());
        try {
            start(Components.KAFKA);
            start(Components.SIMULATOR);
            awaitReady(Components.KAFKA, deadline);
            start(Components.INGRESS);
            start(Components.WORKER);
            for (String name : List.of(Components.SIMULATOR, Components.INGRESS, Components.WORKER)) {
                awaitReady(name, deadline);
            }
        } catch (ManagedProcess.StartupFailure failure) {
            if (shuttingDown.get()) {
                new CountDownLatch(1).await(); // the shutdown hook is stopping everything; the JVM exits after it
            }
            console.error(failure.getMessage() + "; last lines of its log:");
            console.plain(failure.logTail());
            console.error("stopping the other components");
            return 1;
        }
        publish(specs, token, adminToken);
        components.values().forEach(ManagedProcess::supervise);
        console.plain("Ready: SCIM base URL " + specs.scimBaseUrl() + " token " + token.value() + " (details in "
                + dataDir.localJson() + "; Ctrl-C or bin/bridge stop stops everything)");
        new CountDownLatch(1).await(); // supervision runs on the scheduler until the JVM is asked to stop
        return 0;
    }

    private void add(ComponentSpec spec) {
        components.put(spec.name(), new ManagedProcess(spec, console, scheduler, Backoff.forSupervision(),
                this::pidChanged));
    }

    private void start(String name) {
        ManagedProcess component = components.get(name);
        if (component == null || shuttingDown.get()) {
            return;
        }
        console.info("starting " + name + " (" + component.spec().where() + "), log: " + component.spec().log());
        try {
            component.start();
        } catch (IOException e) {
            throw new LauncherException("Cannot start " + name + ": " + e.getMessage());
        }
    }

    private void awaitReady(String name, Instant deadline) throws ManagedProcess.StartupFailure, InterruptedException {
        ManagedProcess component = components.get(name);
        if (component == null) {
            return;
        }
        component.awaitReady(deadline);
        Instant begin = component.startedAt();
        console.info(name + " is ready: " + component.spec().where() + " (pid " + component.pid().orElse(0L) + ", "
                + String.format(Locale.ROOT, "%.1f", Duration.between(begin, Instant.now()).toMillis() / 1000.0)
                + " s)");
    }

    private synchronized void pidChanged(String name, long pid) {
        if (shuttingDown.get()) {
            return;
        }
        pids.put(name, pid);
        dataDir.writePids(self, pids);
        if (published != null) {
            published = published.withPid(name, pid);
            published.write(dataDir.localJson());
        }
    }

    private synchronized void publish(Components specs, ScimToken token, String adminToken) {
        Map<String, Long> running = new LinkedHashMap<>();
        components.forEach((name, component) -> running.put(name, component.pid().orElse(null)));
        boolean worker = components.containsKey(Components.WORKER);
        published = new LocalJson(specs.scimBaseUrl(), token.value(), specs.ingressManagementUrl(),
                worker ? specs.workerManagementUrl() : null, specs.spotApiUrl(), specs.kafkaBootstrap(),
                worker ? specs.workerUrl() : null, adminToken, running);
        published.write(dataDir.localJson());
    }

    /** One stack per data directory: a lock held by this JVM until it exits (the OS releases it even on SIGKILL). */
    private void lockDataDir() {
        try {
            lockChannel = FileChannel.open(dataDir.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                Long other = dataDir.readPids().get("launcher");
                throw new LauncherException("bin/bridge is already running on " + dataDir.root()
                        + (other != null ? " (pid " + other + ")" : "")
                        + ": stop it with bin/bridge stop, or set BRIDGE_DATA_DIR to use another directory");
            }
        } catch (IOException e) {
            throw new LauncherException("Cannot lock " + dataDir.lock() + ": " + e.getMessage());
        }
    }

    /**
     * Processes an earlier launcher on this data directory left running (it was killed with SIGKILL and could not
     * stop them) would hold the ports and the Kafka data: they carry the data directory marker, so stop them.
     */
    private void stopLeftovers() {
        List<ProcessHandle> leftovers = Processes.withArgument(Processes.marker(dataDir));
        if (!leftovers.isEmpty()) {
            console.info("stopping " + leftovers.size() + " process(es) an earlier run on " + dataDir.root()
                    + " left running: pids " + leftovers.stream().map(p -> Long.toString(p.pid())).toList());
            leftovers.forEach(ProcessHandle::destroy);
            if (!Processes.awaitAllExit(leftovers, Duration.ofSeconds(45))) {
                leftovers.forEach(ProcessHandle::destroyForcibly);
                Processes.awaitAllExit(leftovers, Duration.ofSeconds(10));
            }
        }
        DataDir.deleteQuietly(dataDir.localJson());
    }

    /** Fails with a one-line message if a port is taken; returns the controller port to use. */
    private int checkPorts(boolean withWorker) {
        String host = settings.bindAddress();
        List<Ports.Use> uses = new ArrayList<>();
        uses.add(new Ports.Use(settings.scimPort(), Setting.SCIM_PORT, host));
        uses.add(new Ports.Use(settings.ingressManagementPort(), Setting.INGRESS_MANAGEMENT_PORT, host));
        if (withWorker) {
            uses.add(new Ports.Use(settings.workerManagementPort(), Setting.WORKER_MANAGEMENT_PORT, host));
            uses.add(new Ports.Use(settings.workerPort(), Setting.WORKER_PORT, host));
        }
        if (!settings.realSpot()) {
            uses.add(new Ports.Use(settings.spotSimPort(), Setting.SPOT_SIM_PORT, host));
        }
        uses.add(new Ports.Use(settings.kafkaPort(), Setting.KAFKA_PORT, Settings.LOOPBACK));
        if (settings.kafkaControllerPort() != 0) {
            uses.add(new Ports.Use(settings.kafkaControllerPort(), Setting.KAFKA_CONTROLLER_PORT, Settings.LOOPBACK));
        }
        Ports.firstProblem(uses).ifPresent(problem -> {
            throw new LauncherException(problem);
        });
        return settings.kafkaControllerPort() != 0 ? settings.kafkaControllerPort()
                : Ports.freeLoopbackPort(uses.stream().map(Ports.Use::port).toList());
    }

    private void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        components.values().forEach(ManagedProcess::endSupervision);
        console.info("stopping ...");
        List<Thread> stoppers = new ArrayList<>();
        for (String name : List.of(Components.WORKER, Components.INGRESS, Components.SIMULATOR)) {
            ManagedProcess component = components.get(name);
            if (component != null) {
                Thread stopper = new Thread(() -> stopAndReport(component), "bridge-stop-" + name);
                stopper.start();
                stoppers.add(stopper);
            }
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ManagedProcess kafka = components.get(Components.KAFKA);
        if (kafka != null) {
            stopAndReport(kafka);
        }
        DataDir.deleteQuietly(dataDir.localJson());
        DataDir.deleteQuietly(dataDir.pids());
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the OS releases the lock when the JVM exits anyway
        }
        console.info("stopped; nothing of the stack runs any more");
    }

    private void stopAndReport(ManagedProcess component) {
        Optional<Long> pid = component.pid();
        component.stop();
        pid.ifPresent(p -> console.info("stopped " + component.name() + " (pid " + p + ")"));
    }
}
