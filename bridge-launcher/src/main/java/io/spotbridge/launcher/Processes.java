package io.spotbridge.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Process helpers on {@link ProcessHandle}, which remembers each process's start time: a handle of a process that
 * has exited never signals a later process that got the same pid.
 */
final class Processes {

    private Processes() {
    }

    /** The system property every process the launcher starts carries on its command line, naming the data directory. */
    static String marker(DataDir dataDir) {
        return "-Dspotbridge.dataDir=" + dataDir.root();
    }

    static Optional<ProcessHandle> alive(Long pid) {
        if (pid == null || pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** The full command line, or empty when the OS does not tell (another user's process, or one that is gone). */
    static String commandLine(ProcessHandle process) {
        return String.join(" ", arguments(process));
    }

    /**
     * The process's command line, program first. Read from {@code /proc/<pid>/cmdline} where there is one: the JDK
     * reads only its first 4 KiB and then gives no arguments at all, and the Kafka launcher's classpath is longer.
     */
    static List<String> arguments(ProcessHandle process) {
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(procCmdline);
            List<String> arguments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    arguments.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < bytes.length) {
                arguments.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            }
            return arguments;
        } catch (IOException | SecurityException e) {
            ProcessHandle.Info info = process.info();
            List<String> arguments = new ArrayList<>();
            info.command().ifPresent(arguments::add);
            info.arguments().ifPresent(a -> arguments.addAll(Arrays.asList(a)));
            return arguments;
        }
    }

    /** Whether {@code process}'s command line has {@code text} as one whole argument. */
    static boolean hasArgument(ProcessHandle process, String text) {
        return arguments(process).contains(text);
    }

    /** Every live process except this one that carries {@code argument} on its command line. */
    static List<ProcessHandle> withArgument(String argument) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> hasArgument(p, argument)).toList();
    }

    /**
     * Stops {@code process} and everything it started: SIGTERM, up to {@code grace} for it to exit, then SIGKILL; then
     * the same (with up to 10 s) for any of its descendants that are still alive.
     *
     * @return true if everything exited after SIGTERM, false if something had to be killed
     */
    static boolean terminateTree(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        boolean gentle = terminate(process, grace);
        for (ProcessHandle descendant : tree) {
            gentle &= terminate(descendant, Duration.ofSeconds(10));
        }
        return gentle;
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL and wait until it is gone. True if SIGTERM was enough. */
    static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return false;
    }

    /**
     * Waits until {@code process} has exited; false if it is still alive after {@code timeout}. Polls (every 100 ms):
     * {@link ProcessHandle#onExit()} of a process that is not our child notices an exit only seconds later.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (process.isAlive()) {
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits until every process in {@code processes} has exited; false if some are still alive after {@code timeout}. */
    static boolean awaitAllExit(Collection<ProcessHandle> processes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle process : processes) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (!awaitExit(process, left.isNegative() ? Duration.ZERO : left)) {
                return false;
            }
        }
        return true;
    }
}
