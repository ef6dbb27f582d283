package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortInUseIsNamedWithTheSettingToChangeOnOneLine() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            int free = Ports.freeLoopbackPort(List.of(port));

            var problem = Ports.firstProblem(List.of(new Ports.Use(free, Setting.KAFKA_PORT, "127.0.0.1"),
                    new Ports.Use(port, Setting.SCIM_PORT, "127.0.0.1")));

            assertThat(problem).hasValueSatisfying(message -> {
                assertThat(message).startsWith("Port " + port + " (SCIM_PORT) is already in use on 127.0.0.1:")
                        .contains("e.g. SCIM_PORT=").endsWith(" bin/bridge local")
                        .doesNotContain("\n").doesNotContain("Exception");
            });
        }
    }

    @Test
    void theMessageSuggestsAPortToUseInstead() {
        assertThat(Ports.inUseMessage(new Ports.Use(8080, Setting.SCIM_PORT, "127.0.0.1"), 8081)).isEqualTo(
                "Port 8080 (SCIM_PORT) is already in use on 127.0.0.1: stop what is using it, or choose another"
                        + " port, e.g. SCIM_PORT=8081 bin/bridge local");
    }

    @Test
    void aListenerOnEveryInterfaceBlocksLoopbackToo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            assertThat(Ports.isFree("127.0.0.1", busy.getLocalPort())).isFalse();
        }
    }

    @Test
    void twoSettingsWithTheSamePortAreAProblemBeforeAnythingStarts() {
        int port = Ports.freeLoopbackPort(List.of());

        var problem = Ports.firstProblem(List.of(new Ports.Use(port, Setting.SCIM_PORT, "127.0.0.1"),
                new Ports.Use(port, Setting.SPOT_SIM_PORT, "127.0.0.1")));

        assertThat(problem).contains("SCIM_PORT and SPOT_SIM_PORT are both " + port
                + ": give each component its own port");
    }

    @Test
    void freePortsAreNoProblem() {
        int a = Ports.freeLoopbackPort(List.of());
        int b = Ports.freeLoopbackPort(List.of(a));

        assertThat(Ports.firstProblem(List.of(new Ports.Use(a, Setting.SCIM_PORT, "127.0.0.1"),
                new Ports.Use(b, Setting.KAFKA_PORT, "127.0.0.1")))).isEmpty();
    }
}
