package io.spotbridge.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/bridge stop}: sends SIGTERM to the launcher running on the data directory (its pid is in
 * {@code launcher.pids}) and waits until it has stopped its components and exited; then makes sure no process carrying
 * the data directory marker is left, stopping any (e.g. those of a launcher that was killed with SIGKILL).
 */
final class StopCommand {

    private static final Duration LAUNCHER_TIMEOUT = Duration.ofSeconds(150);

    private final DataDir dataDir;
    private final Console console;

    StopCommand(Settings settings, Console console) {
        this.dataDir = new DataDir(settings.dataDir());
        this.console = console;
    }

    /** The live launcher whose pid {@code pids} names, if it really is a launcher. */
    static Optional<ProcessHandle> runningLauncher(Map<String, Long> pids) {
        return Processes.alive(pids.get("launcher"))
                .filter(p -> Processes.commandLine(p).contains(BridgeCli.class.getName()));
    }

    int run() {
        Optional<ProcessHandle> launcher = runningLauncher(dataDir.readPids());
        if (launcher.isPresent()) {
            long pid = launcher.get().pid();
            console.info("stopping bin/bridge (pid " + pid + ") on " + dataDir.root() + " ...");
            launcher.get().destroy();
            if (!Processes.awaitExit(launcher.get(), LAUNCHER_TIMEOUT)) {
                console.error("bin/bridge (pid " + pid + ") did not stop within " + LAUNCHER_TIMEOUT.toSeconds()
                        + " s: killing it and its components");
                launcher.get().destroyForcibly();
                Processes.awaitExit(launcher.get(), Duration.ofSeconds(10));
            }
        }
        List<ProcessHandle> leftovers = new ArrayList<>(Processes.withArgument(Processes.marker(dataDir)));
        if (launcher.isEmpty() && leftovers.isEmpty()) {
            console.info("nothing is running on " + dataDir.root());
            DataDir.deleteQuietly(dataDir.localJson());
            DataDir.deleteQuietly(dataDir.pids());
            return 0;
        }
        if (!leftovers.isEmpty()) {
            console.info("stopping what is left running on " + dataDir.root() + ": pids "
                    + leftovers.stream().map(ProcessHandle::pid).toList());
            leftovers.forEach(ProcessHandle::destroy);
            if (!Processes.awaitAllExit(leftovers, Duration.ofSeconds(45))) {
                leftovers.forEach(ProcessHandle::destroyForcibly);
                Processes.awaitAllExit(leftovers, Duration.ofSeconds(10));
            }
        }
        DataDir.deleteQuietly(dataDir.localJson());
        DataDir.deleteQuietly(dataDir.pids());
        List<ProcessHandle> still = Processes.withArgument(Processes.marker(dataDir));
        if (!still.isEmpty()) {
            console.error("still running: pids " + still.stream().map(ProcessHandle::pid).toList());
            return 1;
        }
        console.info("stopped");
        return 0;
    }
}
