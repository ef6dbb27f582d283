package io.spotbridge.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the child JVM started by {@link StandaloneKafkaBroker}; not meant to be used directly.
 *
 * <p>Usage: {@code BrokerChildMain <server.properties> [--format <clusterId>] [--exit-on-stdin-eof]}
 * <ol>
 *   <li>{@code --exit-on-stdin-eof}: starts a watchdog that reads standard input (a pipe held open by the
 *       parent JVM) and shuts the broker down when it reaches end-of-file, i.e. when the parent is gone,
 *       even if it was killed with SIGKILL and could not run its shutdown hooks. If the graceful shutdown
 *       takes longer than {@value #WATCHDOG_HALT_SECONDS} s the JVM is halted.</li>
 *   <li>{@code --format <clusterId>}: formats the (empty) log directories first, exactly like
 *       {@code kafka-storage.sh format -t <clusterId> -c <server.properties>} (static controller quorum,
 *       so no {@code --standalone} is needed). Exits with status 1 if formatting fails.</li>
 *   <li>Then runs {@code kafka.Kafka.main(server.properties)}, which blocks until the broker shuts down
 *       (SIGTERM runs Kafka's own shutdown hook: a controlled shutdown).</li>
 * </ol>
 */
public final class BrokerChildMain {

    static final long WATCHDOG_HALT_SECONDS = 15;
    static final String FORMAT_OPTION = "--format";
    static final String WATCH_STDIN_OPTION = "--exit-on-stdin-eof";

    private BrokerChildMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: BrokerChildMain <server.properties> [--format <clusterId>] [--exit-on-stdin-eof]");
            System.exit(2);
        }
        String serverProperties = args[0];
        String clusterIdToFormat = null;
        boolean watchStdin = false;
        for (int i = 1; i < args.length; i++) {
            if (FORMAT_OPTION.equals(args[i]) && i + 1 < args.length) {
                clusterIdToFormat = args[++i];
            } else if (WATCH_STDIN_OPTION.equals(args[i])) {
                watchStdin = true;
            } else {
                System.err.println("Unknown argument: " + args[i]);
                System.exit(2);
            }
        }
        if (watchStdin) {
            startParentWatchdog(System.in, System.err);
        }
        if (clusterIdToFormat != null) {
            format(serverProperties, clusterIdToFormat);
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }

    private static void format(String serverProperties, String clusterId) {
        int exitCode;
        try {
            exitCode = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", serverProperties}, System.out);
        } catch (RuntimeException e) {
            System.err.println("Formatting the Kafka storage failed: " + e);
            e.printStackTrace(System.err);
            exitCode = 1;
        }
        if (exitCode != 0) {
            System.err.println("Formatting the Kafka storage failed with exit code " + exitCode);
            System.exit(1);
        }
    }

    private static void startParentWatchdog(InputStream parentPipe, PrintStream err) {
        Thread watchdog = new Thread(() -> {
            try {
                byte[] buffer = new byte[256];
                while (parentPipe.read(buffer) != -1) {
                    // the parent never writes; anything it does is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as EOF: the parent is gone
            }
            err.println("[testkit] parent JVM is gone (stdin closed): shutting the broker down");
            Thread halter = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(WATCHDOG_HALT_SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                err.println("[testkit] broker shutdown took longer than " + WATCHDOG_HALT_SECONDS + " s: halting");
                Runtime.getRuntime().halt(3);
            }, "testkit-watchdog-halter");
            halter.setDaemon(true);
            halter.start();
            System.exit(0);
        }, "testkit-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
