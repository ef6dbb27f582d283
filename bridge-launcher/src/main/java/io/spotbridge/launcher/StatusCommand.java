package io.spotbridge.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/bridge status}: reads local.json, checks each pid and each component's health, prints a table.
 * Exit code 0 when everything listed runs and is healthy, 1 when something does not, 3 when the stack is not running.
 */
final class StatusCommand {

    private final DataDir dataDir;
    private final Console console;

    StatusCommand(Settings settings, Console console) {
        this.dataDir = new DataDir(settings.dataDir());
        this.console = console;
    }

    int run() throws InterruptedException {
        Map<String, Long> pids = dataDir.readPids();
        Optional<ProcessHandle> launcher = StopCommand.runningLauncher(pids);
        Optional<LocalJson> local = LocalJson.read(dataDir.localJson());
        if (launcher.isEmpty()) {
            List<ProcessHandle> leftovers = Processes.withArgument(Processes.marker(dataDir));
            if (!leftovers.isEmpty()) {
                console.plain("bin/bridge is not running on " + dataDir.root() + ", but it left processes behind: pids "
                        + leftovers.stream().map(ProcessHandle::pid).toList() + " (bin/bridge stop stops them)");
                return 1;
            }
            console.plain("bin/bridge is not running on " + dataDir.root());
            return 3;
        }
        if (local.isEmpty()) {
            console.plain("bin/bridge is starting on " + dataDir.root() + " (pid " + launcher.get().pid()
                    + "); started so far: " + pids);
            return 1;
        }
        LocalJson json = local.get();
        boolean healthy = true;
        String format = "%-10s %-8s %-18s %s";
        console.plain(String.format(format, "COMPONENT", "PID", "STATE", "WHERE"));
        console.plain(String.format(format, "launcher", launcher.get().pid(), "running", dataDir.root()));
        for (String name : LocalJson.COMPONENTS) {
            Long pid = json.pids().get(name);
            String where = where(json, name);
            String state;
            if (pid == null) {
                state = Components.SIMULATOR.equals(name) ? "not used" : "not started";
            } else if (Processes.alive(pid).isEmpty()) {
                state = "NOT RUNNING";
                healthy = false;
            } else if (healthy(json, name)) {
                state = "ready";
            } else {
                state = "running, NOT READY";
                healthy = false;
            }
            console.plain(String.format(format, name, pid == null ? "-" : pid.toString(), state, where));
        }
        console.plain("SCIM base URL " + json.scimBaseUrl() + " (token in " + dataDir.localJson() + "), logs in "
                + dataDir.logs());
        return healthy ? 0 : 1;
    }

    private static String where(LocalJson json, String name) {
        return switch (name) {
            case Components.KAFKA -> json.kafkaBootstrap();
            case Components.INGRESS -> json.scimBaseUrl() + " (management " + json.ingressManagementUrl() + ")";
            case Components.WORKER -> json.workerManagementUrl() == null ? "-"
                    : "management " + json.workerManagementUrl();
            default -> json.spotApiUrl();
        };
    }

    private static boolean healthy(LocalJson json, String name) throws InterruptedException {
        return switch (name) {
            case Components.KAFKA -> listening(json.kafkaBootstrap());
            case Components.INGRESS -> ok(json.ingressManagementUrl() + "/health/readiness");
            case Components.WORKER -> ok(json.workerManagementUrl() + "/health/readiness");
            default -> ok(json.spotApiUrl() + "/simulator/faults");
        };
    }

    private static boolean ok(String url) throws InterruptedException {
        return Http.status(URI.create(url), Duration.ofSeconds(3)) == 200;
    }

    private static boolean listening(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
