package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void findsAMarkerEvenOnACommandLineLongerThanWhatTheJdkReads() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        String marker = "-Dspotbridge.dataDir=/tmp/processes-test-" + ProcessHandle.current().pid();
        String longClasspath = "x".repeat(6000); // like the Kafka launcher's -cp
        Process child = new ProcessBuilder("/bin/sh", "-c", "sleep 60; true", "sh", longClasspath, marker).start();
        try {
            assertThat(Processes.hasArgument(child.toHandle(), marker)).isTrue();
            assertThat(Processes.withArgument(marker)).extracting(ProcessHandle::pid).containsExactly(child.pid());
            assertThat(Processes.hasArgument(child.toHandle(), marker + "0")).isFalse();
        } finally {
            Processes.terminate(child.toHandle(), Duration.ofSeconds(5));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.withArgument(marker).isEmpty());
    }

    @Test
    void terminateTreeEndsTheProcessAndWhatItStarted() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Process child = new ProcessBuilder("/bin/sh", "-c", "sleep 60 & sleep 60; true").start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> child.toHandle().descendants().count() == 2);
        var tree = child.toHandle().descendants().toList();

        Processes.terminateTree(child.toHandle(), Duration.ofSeconds(5));

        assertThat(child.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void noPidIsNotAlive() {
        assertThat(Processes.alive(null)).isEmpty();
        assertThat(Processes.alive(0L)).isEmpty();
        assertThat(Processes.alive(ProcessHandle.current().pid())).isPresent();
    }
}
