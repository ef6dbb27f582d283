package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path CWD = Path.of("/home/ada/bridge");

    private static Settings read(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.fromEnvironment(env, CWD);
    }

    @Test
    void withoutEnvironmentEverySettingHasTheDocumentedDefault() {
        Settings settings = read();

        assertThat(settings.dataDir()).isEqualTo(Path.of("/home/ada/bridge/.bridge"));
        assertThat(settings.scimPort()).isEqualTo(8080);
        assertThat(settings.ingressManagementPort()).isEqualTo(9080);
        assertThat(settings.workerManagementPort()).isEqualTo(9081);
        assertThat(settings.workerPort()).isEqualTo(8081);
        assertThat(settings.spotSimPort()).isEqualTo(8090);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isZero();
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.scimToken()).isEmpty();
        assertThat(settings.realSpot()).isFalse();
        assertThat(settings.kafkaHeap()).isEqualTo("512m");
        assertThat(settings.javaOptions()).isEmpty();
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.urlHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void environmentOverridesTheDefaults() {
        Settings settings = read("BRIDGE_DATA_DIR", "/var/lib/bridge", "SCIM_PORT", "18080",
                "INGRESS_MANAGEMENT_PORT", "19080", "WORKER_MANAGEMENT_PORT", "19081", "WORKER_PORT", "18081",
                "SPOT_SIM_PORT", "18090", "KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093",
                "SCIM_TOKEN", "s3cret", "KAFKA_HEAP", "1g", "BRIDGE_JAVA_OPTS", " -Xmx256m  -XX:+UseSerialGC ",
                "BRIDGE_STARTUP_TIMEOUT", "60");

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/bridge"));
        assertThat(List.of(settings.scimPort(), settings.ingressManagementPort(), settings.workerManagementPort(),
                settings.workerPort(), settings.spotSimPort(), settings.kafkaPort(), settings.kafkaControllerPort()))
                .containsExactly(18080, 19080, 19081, 18081, 18090, 19092, 19093);
        assertThat(settings.scimToken()).contains("s3cret");
        assertThat(settings.kafkaHeap()).isEqualTo("1g");
        assertThat(settings.javaOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRelativeDataDirIsRelativeToTheCurrentDirectory() {
        assertThat(read("BRIDGE_DATA_DIR", "runs/../data").dataDir()).isEqualTo(Path.of("/home/ada/bridge/data"));
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings settings = read("SCIM_PORT", "  ", "SCIM_TOKEN", "", "SPOT_TOKEN", " ");

        assertThat(settings.scimPort()).isEqualTo(8080);
        assertThat(settings.scimToken()).isEmpty();
        assertThat(settings.spotToken()).isEmpty();
    }

    @Test
    void anInvalidPortIsReportedWithItsSettingName() {
        assertThatThrownBy(() -> read("SCIM_PORT", "80a"))
                .isInstanceOf(LauncherException.class)
                .hasMessage("SCIM_PORT=80a is not valid: expected a port number from 1 to 65535")
                .extracting(e -> ((LauncherException) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> read("KAFKA_PORT", "70000")).hasMessageStartingWith("KAFKA_PORT=70000 is not valid");
        assertThatThrownBy(() -> read("BRIDGE_STARTUP_TIMEOUT", "0"))
                .hasMessageStartingWith("BRIDGE_STARTUP_TIMEOUT=0 is not valid");
        assertThatThrownBy(() -> read("KAFKA_HEAP", "lots")).hasMessageStartingWith("KAFKA_HEAP=lots is not valid");
    }

    @Test
    void theRealSpotApiIsUsedOnlyWhenTokenAndUrlAreBothSet() {
        Settings both = read("SPOT_TOKEN", "spot-token", "SPOT_API_URL", "https://api.spotinst.io/");
        assertThat(both.realSpot()).isTrue();
        assertThat(both.spotApiUrl()).contains("https://api.spotinst.io");
        assertThat(both.halfConfiguredSpotWarning()).isEmpty();

        Settings tokenOnly = read("SPOT_TOKEN", "spot-token");
        assertThat(tokenOnly.realSpot()).isFalse();
        assertThat(tokenOnly.halfConfiguredSpotWarning()).get().asString()
                .startsWith("SPOT_TOKEN is set but SPOT_API_URL is not");

        assertThat(read("SPOT_API_URL", "https://api.spotinst.io").realSpot()).isFalse();
    }

    @Test
    void aSpotApiUrlMustBeHttp() {
        assertThatThrownBy(() -> read("SPOT_API_URL", "api.spotinst.io"))
                .hasMessageStartingWith("SPOT_API_URL=api.spotinst.io is not valid");
    }

    @Test
    void aTokenWithSpacesIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> read("SCIM_TOKEN", "my secret"))
                .hasMessage("SCIM_TOKEN must be printable ASCII without spaces")
                .hasMessageNotContaining("secret ");
    }

    @Test
    void urlsUseLoopbackWhenEverythingListensOnEveryInterface() {
        assertThat(read("BIND_ADDRESS", "0.0.0.0").urlHost()).isEqualTo("127.0.0.1");
        assertThat(read("BIND_ADDRESS", "::").urlHost()).isEqualTo("127.0.0.1");
        assertThat(read("BIND_ADDRESS", "10.1.2.3").urlHost()).isEqualTo("10.1.2.3");
        assertThat(read("BIND_ADDRESS", "[::1]").urlHost()).isEqualTo("[::1]");
        assertThat(read("BIND_ADDRESS", "[::1]").bindAddress()).isEqualTo("::1");
    }

    @Test
    void everySettingIsAnEnvironmentVariableWithADescription() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.description()).isNotBlank();
            assertThat(setting.from(Map.of(setting.name(), " x "))).isEqualTo(Optional.of("x"));
        }
    }
}
