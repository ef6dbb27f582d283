package io.spotbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StandaloneKafkaBroker#main(String[])} in its own JVM (as a launcher script would run it), and the
 * guarantee that the broker JVM never outlives its parent.
 */
class StandaloneKafkaBrokerMainTest {

    private static final String READY_PREFIX = "Kafka ready on 127.0.0.1:";

    @TempDir
    Path workDir;

    private Process launcher;

    @AfterEach
    void killLeftovers() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void printsTheReadyLineAndStopsTheBrokerOnSigterm() throws Exception {
        int port = launchAndAwaitReadyLine();
        ProcessHandle broker = brokerChildOf(launcher);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }

        launcher.destroy(); // SIGTERM

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher exited").isTrue();
        assertThat(broker.isAlive()).as("broker JVM alive after the launcher exited").isFalse();
        assertThat(BrokerReadiness.isListening(port)).isFalse();
        assertThat(workDir.resolve("data/kafka-logs/meta.properties")).as("--data-dir is kept").exists();
    }

    @Test
    void brokerJvmExitsWhenItsParentIsKilled() throws Exception {
        int port = launchAndAwaitReadyLine();
        ProcessHandle broker = brokerChildOf(launcher);

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent

        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
        assertThat(BrokerReadiness.isListening(port)).isFalse();
        assertThat(Files.readString(workDir.resolve("data/broker.log"))).contains("parent JVM is gone");
    }

    private int launchAndAwaitReadyLine() throws Exception {
        BrokerFiles argFiles = new BrokerFiles(workDir);
        argFiles.writeClasspathArgFile(System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFiles.classpathArgFile(),
                "-XX:TieredStopAtLevel=1",
                StandaloneKafkaBroker.class.getName(),
                "--port", "0",
                "--data-dir", workDir.resolve("data").toString(),
                "--jvm-arg", "-XX:TieredStopAtLevel=1",
                "--jvm-arg", "-XX:+UseSerialGC");
        Path stderr = workDir.resolve("launcher.err");
        launcher = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = firstLine.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No ready line; launcher stderr: " + Files.readString(stderr), e);
        }
        assertThat(line).as("launcher stderr: %s", Files.readString(stderr)).startsWith(READY_PREFIX);
        return Integer.parseInt(line.substring(READY_PREFIX.length()).trim());
    }

    private static ProcessHandle brokerChildOf(Process launcher) {
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("child processes of the launcher").hasSize(1);
        return children.get(0);
    }
}
