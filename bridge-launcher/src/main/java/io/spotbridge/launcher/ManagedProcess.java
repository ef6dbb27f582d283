package io.spotbridge.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One component running as a child process, and its supervision.
 *
 * <ul>
 *   <li>{@link #start()} launches it with its output appended to its log, after a marker line.</li>
 *   <li>Once {@link #supervise()} was called, an exit that {@link #stop()} did not cause is reported, whatever the
 *       process left behind (e.g. the broker JVM of the Kafka launcher) is stopped, and the component is started again
 *       with the same command after the next {@link Backoff} delay; the new pid goes to the pid listener, and a
 *       message says when it is ready again.</li>
 *   <li>Its descendants are recorded every couple of seconds, so that they can be found and stopped even after the
 *       child itself has died (the OS re-parents orphans).</li>
 *   <li>{@link #stop()} sends SIGTERM, waits up to the component's stop timeout, then SIGKILL; then the same for every
 *       descendant still alive. After it, nothing of the component runs and it is never restarted.</li>
 * </ul>
 */
final class ManagedProcess {

    /** Thrown by {@link #awaitReady(Instant)}: the component exited or did not become ready in time. */
    static final class StartupFailure extends Exception {

        private final String logTail;

        StartupFailure(String message, String logTail) {
            super(message, null, false, false);
            this.logTail = logTail;
        }

        String logTail() {
            return logTail;
        }
    }

    private static final Duration EXIT_GRACE = Duration.ofMillis(500);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);

    private final ComponentSpec spec;
    private final Console console;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final BiConsumer<String, Long> pidListener;
    private final Set<ProcessHandle> knownDescendants = ConcurrentHashMap.newKeySet();

    private Process process;
    private Instant startedAt;
    private long logOffset;
    private boolean supervising;
    private boolean stopping;
    private ScheduledFuture<?> pendingRestart;
    private ScheduledFuture<?> descendantTracker;
    private int starts;

    ManagedProcess(ComponentSpec spec, Console console, ScheduledExecutorService scheduler, Backoff backoff,
            BiConsumer<String, Long> pidListener) {
        this.spec = spec;
        this.console = console;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.pidListener = pidListener;
    }

    String name() {
        return spec.name();
    }

    ComponentSpec spec() {
        return spec;
    }

    /** When the current run was started. */
    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized Optional<Long> pid() {
        return process == null ? Optional.empty() : Optional.of(process.pid());
    }

    /** Launches the process (once; a second call while it runs does nothing). */
    synchronized void start() throws IOException {
        if (stopping || (process != null && process.isAlive())) {
            return;
        }
        starts++;
        logOffset = Logs.mark(spec.log(), "===== bridge: " + (starts == 1 ? "starting " : "restarting ") + spec.name()
                + " at " + Instant.now() + " =====");
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        Map<String, String> env = builder.environment();
        spec.unset().forEach(env::remove);
        env.putAll(spec.environment());
        Process started = builder.start();
        started.getOutputStream().close(); // nothing is ever written to its stdin
        process = started;
        startedAt = Instant.now();
        if (descendantTracker == null) {
            descendantTracker = scheduler.scheduleWithFixedDelay(this::recordDescendants, 1, 2, TimeUnit.SECONDS);
        }
        started.onExit().thenRun(() -> scheduler.schedule(() -> exited(started), EXIT_GRACE.toMillis(),
                TimeUnit.MILLISECONDS));
        pidListener.accept(spec.name(), started.pid());
    }

    /**
     * Blocks until the current run is ready.
     *
     * @throws StartupFailure if it exits first or is not ready at {@code deadline}; with the tail of this run's log
     */
    void awaitReady(Instant deadline) throws StartupFailure, InterruptedException {
        Process run;
        long offset;
        synchronized (this) {
            run = process;
            offset = logOffset;
        }
        while (true) {
            if (!run.isAlive()) {
                throw new StartupFailure(spec.name() + " exited during startup with code " + run.exitValue(),
                        Logs.tail(spec.log(), offset, 40));
            }
            if (spec.readiness().isReady(spec.log(), offset)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(spec.name() + " was not ready in time (BRIDGE_STARTUP_TIMEOUT)",
                        Logs.tail(spec.log(), offset, 40));
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
    }

    /** From now on, an unexpected exit is reported and followed by a restart. */
    synchronized void supervise() {
        supervising = true;
        if (process != null && !process.isAlive()) {
            Process dead = process;
            scheduler.execute(() -> exited(dead));
        }
    }

    /**
     * Ends supervision without stopping the process: an exit from now on is expected (Ctrl-C reaches every process of
     * the terminal's process group at once, so components may exit before {@link #stop()} gets to them).
     */
    synchronized void endSupervision() {
        stopping = true;
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
        }
    }

    /** Stops the component and everything it started; it is not restarted afterwards. Idempotent. */
    void stop() {
        Process run;
        synchronized (this) {
            endSupervision();
            if (descendantTracker != null) {
                descendantTracker.cancel(false);
            }
            run = process;
        }
        List<ProcessHandle> tree = new ArrayList<>(knownDescendants);
        if (run != null) {
            tree.addAll(run.descendants().toList());
            if (run.isAlive()) {
                run.destroy();
                if (!Processes.awaitExit(run.toHandle(), spec.stopTimeout())) {
                    console.info(spec.name() + " did not stop within " + spec.stopTimeout().toSeconds()
                            + " s after SIGTERM: killing it");
                    run.destroyForcibly();
                    Processes.awaitExit(run.toHandle(), Duration.ofSeconds(10));
                }
            }
        }
        for (ProcessHandle descendant : tree) {
            Processes.terminate(descendant, Duration.ofSeconds(15));
        }
        if (run != null) {
            Logs.mark(spec.log(), "===== bridge: stopped " + spec.name() + " at " + Instant.now() + " =====");
        }
    }

    private void recordDescendants() {
        Process run;
        synchronized (this) {
            run = process;
        }
        knownDescendants.removeIf(handle -> !handle.isAlive());
        if (run != null && run.isAlive()) {
            run.descendants().forEach(knownDescendants::add);
        }
    }

    private void exited(Process dead) {
        Duration delay;
        synchronized (this) {
            if (stopping || !supervising || dead != process) {
                return;
            }
            delay = backoff.nextDelay(Duration.between(startedAt, Instant.now()));
        }
        console.error(spec.name() + " (pid " + dead.pid() + ") exited unexpectedly with code " + dead.exitValue()
                + "; restarting it in " + delay.toSeconds() + " s (log: " + spec.log() + ")");
        stopOrphans();
        scheduleRestart(delay);
    }

    private void stopOrphans() {
        List<ProcessHandle> orphans = knownDescendants.stream().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle orphan : orphans) {
            console.info("stopping pid " + orphan.pid() + " left behind by " + spec.name());
            Processes.terminate(orphan, ORPHAN_GRACE);
        }
        knownDescendants.removeIf(handle -> !handle.isAlive());
    }

    private synchronized void scheduleRestart(Duration delay) {
        if (stopping) {
            return;
        }
        pendingRestart = scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        Process run;
        Duration retry = null;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                start();
            } catch (IOException | RuntimeException e) {
                retry = backoff.nextDelay(Duration.ZERO);
                console.error("cannot restart " + spec.name() + ": " + e.getMessage() + "; trying again in "
                        + retry.toSeconds() + " s");
            }
            run = process;
        }
        if (retry != null) {
            scheduleRestart(retry);
            return;
        }
        console.info(spec.name() + " restarted (pid " + run.pid() + ")");
        scheduler.execute(() -> reportWhenReadyAgain(run));
    }

    private void reportWhenReadyAgain(Process run) {
        long offset;
        synchronized (this) {
            offset = logOffset;
        }
        try {
            while (run.isAlive() && !isStopping()) {
                if (spec.readiness().isReady(spec.log(), offset)) {
                    console.info(spec.name() + " is ready again (pid " + run.pid() + ")");
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }
}
