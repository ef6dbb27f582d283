package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision with small shell children instead of the real services: fast, and the same code paths. */
class ManagedProcessTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8),
            new PrintStream(output, true, StandardCharsets.UTF_8));
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private ManagedProcess managed;

    @BeforeEach
    void needsAShell() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    @AfterEach
    void cleanUp() {
        if (managed != null) {
            managed.stop();
        }
        scheduler.shutdownNow();
    }

    private ManagedProcess shell(String script) {
        ComponentSpec spec = new ComponentSpec("demo", List.of("/bin/sh", "-c", script), Map.of("GREETING", "ready"),
                Set.of("SPOT_TOKEN"), dir, dir.resolve("demo.log"), Readiness.logLine("ready"), Duration.ofSeconds(5),
                "nowhere");
        managed = new ManagedProcess(spec, console, scheduler,
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(60)), pids::put);
        return managed;
    }

    @Test
    void aChildThatIsKilledIsRestartedWithANewPid() throws Exception {
        ManagedProcess process = shell("echo $GREETING; exec sleep 600");
        process.start();
        process.awaitReady(Instant.now().plusSeconds(10));
        process.supervise();
        long first = pids.get("demo");

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> pids.get("demo") != first);
        assertThat(ProcessHandle.of(pids.get("demo"))).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> output.toString(StandardCharsets.UTF_8)
                .contains("demo is ready again (pid " + pids.get("demo") + ")"));
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("demo (pid " + first + ") exited unexpectedly with code 137; restarting it in 0 s");
        assertThat(Files.readString(dir.resolve("demo.log"))).contains("===== bridge: restarting demo");
    }

    @Test
    void whatADeadChildLeftBehindIsStoppedBeforeTheRestart() throws Exception {
        ManagedProcess process = shell("sleep 600 & echo ready; wait");
        process.start();
        process.awaitReady(Instant.now().plusSeconds(10));
        process.supervise();
        ProcessHandle first = ProcessHandle.of(pids.get("demo")).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.descendants().findAny().isPresent());
        ProcessHandle grandchild = first.descendants().findFirst().orElseThrow();
        Thread.sleep(2500); // the supervisor records descendants every 2 s

        first.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> !grandchild.isAlive());
        await().atMost(Duration.ofSeconds(10)).until(() -> pids.get("demo") != first.pid());
    }

    @Test
    void stopEndsTheChildAndItsDescendantsAndPreventsRestarts() throws Exception {
        ManagedProcess process = shell("sleep 600 & echo ready; wait");
        process.start();
        process.awaitReady(Instant.now().plusSeconds(10));
        process.supervise();
        ProcessHandle child = ProcessHandle.of(pids.get("demo")).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> child.descendants().findAny().isPresent());
        List<ProcessHandle> tree = child.descendants().toList();

        process.stop();

        assertThat(child.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        Thread.sleep(700);
        assertThat(pids.get("demo")).isEqualTo(child.pid());
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("exited unexpectedly");
    }

    @Test
    void aChildThatExitsDuringStartupIsAStartupFailureWithItsLog() throws IOException {
        ManagedProcess process = shell("echo 'Port 8080 is taken'; exit 3");
        process.start();

        try {
            process.awaitReady(Instant.now().plusSeconds(10));
            throw new AssertionError("expected a startup failure");
        } catch (ManagedProcess.StartupFailure failure) {
            assertThat(failure.getMessage()).isEqualTo("demo exited during startup with code 3");
            assertThat(failure.logTail()).contains("Port 8080 is taken");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theChildGetsItsEnvironmentAndNotTheRemovedVariables() throws Exception {
        ManagedProcess process = shell("echo \"token=[${SPOT_TOKEN:-none}]\"; echo $GREETING; exec sleep 600");
        process.start();
        process.awaitReady(Instant.now().plusSeconds(10));

        assertThat(Files.readString(dir.resolve("demo.log"))).contains("token=[none]");
    }
}
