package io.spotbridge.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Decides when a freshly started broker is usable: its port accepts TCP connections, an Admin client
 * sees the node in {@code describeCluster}, and a validate-only {@code createTopics} succeeds (which needs
 * an active controller and an unfenced broker, i.e. the broker "can create topics").
 */
final class BrokerReadiness {

    /** Name used only for the validate-only topic creation; nothing is ever created. */
    static final String PROBE_TOPIC = "testkit-readiness-probe";

    private static final long POLL_MILLIS = 100;

    private BrokerReadiness() {
    }

    /** Thrown when the child JVM exits before the broker became ready. */
    static final class ChildExitedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        ChildExitedException(int exitCode) {
            super("the child JVM exited with code " + exitCode);
            this.exitCode = exitCode;
        }
    }

    /** Thrown when the deadline passes; the message tells the last check that failed. */
    static final class NotReadyException extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadyException(String message) {
            super(message);
        }
    }

    /** True if something accepts TCP connections on 127.0.0.1:port right now. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Blocks until the broker on {@code port} is ready, the child exits, or {@code deadline} passes. */
    static void await(int port, Process child, Instant deadline)
            throws ChildExitedException, NotReadyException, InterruptedException {
        while (!isListening(port)) {
            checkAlive(child);
            if (Instant.now().isAfter(deadline)) {
                throw new NotReadyException("nothing accepted connections on 127.0.0.1:" + port);
            }
            Thread.sleep(POLL_MILLIS);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.CLIENT_ID_CONFIG, "testkit-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        String lastProblem = "no answer yet";
        try (Admin admin = Admin.create(config)) {
            while (true) {
                checkAlive(child);
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative()) {
                    throw new NotReadyException("the broker accepted connections but was not usable: " + lastProblem);
                }
                long waitMillis = Math.max(100, Math.min(3000, left.toMillis()));
                try {
                    if (admin.describeCluster().nodes().get(waitMillis, TimeUnit.MILLISECONDS).isEmpty()) {
                        lastProblem = "describeCluster returned no nodes";
                    } else if (canCreateTopics(admin, waitMillis)) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastProblem = String.valueOf(e.getCause());
                } catch (TimeoutException e) {
                    lastProblem = "an Admin request got no answer within " + waitMillis + " ms";
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static boolean canCreateTopics(Admin admin, long waitMillis)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1)),
                            new CreateTopicsOptions().validateOnly(true))
                    .all().get(waitMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            throw e;
        }
    }

    private static void checkAlive(Process child) throws ChildExitedException, InterruptedException {
        if (!child.isAlive()) {
            throw new ChildExitedException(child.waitFor());
        }
    }
}
