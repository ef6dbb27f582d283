package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {

    private static final DataDir DATA = new DataDir(Path.of("/tmp/data"));

    /** A project root with what the broker's classpath is read from. */
    @TempDir
    static Path home;

    @BeforeAll
    static void testkitBuildOutput() throws IOException {
        Path target = Files.createDirectories(home.resolve("bridge-testkit/target"));
        Files.writeString(target.resolve("bridge-testkit-1.2.3.jar"), "");
        Files.writeString(target.resolve("classpath.txt"), "/m2/kafka_2.13.jar:/m2/kafka-clients.jar\n");
        Files.writeString(target.resolve("classpath-logging.txt"), "/m2/log4j-slf4j2-impl.jar");
    }

    private static Components components(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("SCIM_PORT", "18080", "INGRESS_MANAGEMENT_PORT", "19080",
                "WORKER_MANAGEMENT_PORT", "19081", "WORKER_PORT", "18081", "SPOT_SIM_PORT", "18090",
                "KAFKA_PORT", "19092"));
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        Settings settings = Settings.fromEnvironment(env, Path.of("/"));
        return new Components(settings, new Artifacts(home, "1.2.3"), DATA, "scim-token", "admin-token", 19093);
    }

    @Test
    void withTheSimulatorTheScimTokenIsAlsoTheSpotToken() {
        Components components = components();

        assertThat(components.ingress().environment()).containsEntry("SPOT_TOKEN", "scim-token")
                .containsEntry("SCIM_PORT", "18080").containsEntry("INGRESS_MANAGEMENT_PORT", "19080")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092").containsEntry("BIND_ADDRESS", "127.0.0.1");
        assertThat(components.worker(Path.of("w.jar")).environment()).containsEntry("SPOT_TOKEN", "scim-token")
                .containsEntry("SPOT_API_URL", "http://127.0.0.1:18090").containsEntry("WORKER_PORT", "18081")
                .containsEntry("WORKER_MANAGEMENT_PORT", "19081").containsEntry("BRIDGE_ADMIN_TOKEN", "admin-token");
        assertThat(components.ingress().environment()).doesNotContainKey("BRIDGE_ADMIN_TOKEN");
        assertThat(components.spotApiUrl()).isEqualTo("http://127.0.0.1:18090");
        assertThat(components.workerUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void withTheRealSpotApiTheWorkerUsesSpotTokenAndTheIngressAcceptsBoth() {
        Components components = components("SPOT_TOKEN", "real-spot-token", "SPOT_API_URL", "https://api.spotinst.io");

        assertThat(components.worker(Path.of("w.jar")).environment())
                .containsEntry("SPOT_TOKEN", "real-spot-token").containsEntry("SPOT_API_URL", "https://api.spotinst.io");
        assertThat(components.ingress().environment()).containsEntry("SPOT_TOKEN", "real-spot-token")
                .containsEntry("BRIDGE_TENANTS_DEFAULT_TOKENSHA256_0", Components.sha256Hex("scim-token"));
    }

    @Test
    void componentsDoNotInheritTheLaunchersTokens() {
        Components components = components();

        for (ComponentSpec spec : new ComponentSpec[] {components.kafka(), components.simulator(), components.ingress(),
                components.worker(Path.of("w.jar"))}) {
            assertThat(spec.unset()).as(spec.name()).contains("SCIM_TOKEN", "SPOT_TOKEN", "SPOT_API_URL",
                    "BRIDGE_ADMIN_TOKEN");
        }
    }

    @Test
    void everyProcessCarriesTheDataDirectoryMarkerAndLogsIntoTheDataDirectory() {
        Components components = components();

        assertThat(components.ingress().command()).contains("-Dspotbridge.dataDir=/tmp/data", "-jar",
                home.resolve("ingress-service/target/ingress-service-1.2.3-exec.jar").toString());
        assertThat(components.simulator().command()).contains("--server.port=18090", "--server.address=127.0.0.1");
        assertThat(components.ingress().log()).isEqualTo(Path.of("/tmp/data/logs/ingress.log"));
    }

    @Test
    void kafkaRunsTheTestkitBrokerOnTheKafkaPortWithItsDataInTheDataDirectory() {
        ComponentSpec kafka = components().kafka();

        assertThat(kafka.command()).containsSequence("-cp", home.resolve("bridge-testkit/target/bridge-testkit-1.2.3.jar")
                + ":/m2/kafka_2.13.jar:/m2/kafka-clients.jar:/m2/log4j-slf4j2-impl.jar",
                "io.spotbridge.testkit.StandaloneKafkaBroker", "--port", "19092", "--controller-port", "19093",
                "--data-dir", "/tmp/data/kafka");
        assertThat(kafka.command()).containsSequence("--jvm-arg", "-Dspotbridge.dataDir=/tmp/data");
        assertThat(kafka.log()).isEqualTo(Path.of("/tmp/data/logs/kafka.log"));
    }

    @Test
    void sha256IsHex() {
        assertThat(Components.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
