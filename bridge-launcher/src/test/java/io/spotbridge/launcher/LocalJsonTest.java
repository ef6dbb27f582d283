package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJsonTest {

    private static LocalJson sample() {
        return new LocalJson("http://127.0.0.1:8080/scim/v2", "tok-123", "http://127.0.0.1:9080/actuator",
                "http://127.0.0.1:9081/actuator", "http://127.0.0.1:8090", "127.0.0.1:9092",
                "http://127.0.0.1:8081", "adm-456",
                Map.of("simulator", 14L, "worker", 13L, "ingress", 12L, "kafka", 11L));
    }

    @Test
    void writesTheDocumentedShapeWithMembersInOrder() {
        assertThat(sample().toJson()).isEqualTo("{\"scimBaseUrl\":\"http://127.0.0.1:8080/scim/v2\","
                + "\"scimToken\":\"tok-123\",\"ingressManagementUrl\":\"http://127.0.0.1:9080/actuator\","
                + "\"workerManagementUrl\":\"http://127.0.0.1:9081/actuator\",\"spotApiUrl\":\"http://127.0.0.1:8090\","
                + "\"kafkaBootstrap\":\"127.0.0.1:9092\","
                + "\"workerUrl\":\"http://127.0.0.1:8081\",\"adminToken\":\"adm-456\","
                + "\"pids\":{\"kafka\":11,\"ingress\":12,\"worker\":13,\"simulator\":14}}\n");
    }

    @Test
    void aComponentThatDoesNotRunHasANullPid() {
        Map<String, Long> pids = new HashMap<>();
        pids.put("kafka", 11L);
        pids.put("ingress", 12L);
        LocalJson json = new LocalJson("http://127.0.0.1:8080/scim/v2", "t", "http://127.0.0.1:9080/actuator", null,
                "https://api.spotinst.io", "127.0.0.1:9092", null, "a", pids);

        assertThat(json.toJson()).contains("\"workerManagementUrl\":null").contains("\"workerUrl\":null")
                .endsWith("\"pids\":{\"kafka\":11,\"ingress\":12,\"worker\":null,\"simulator\":null}}\n");
    }

    @Test
    void readsBackWhatItWrote() {
        LocalJson json = sample().withPid("ingress", 99L);

        LocalJson parsed = LocalJson.parse(json.toJson());

        assertThat(parsed).isEqualTo(json);
        assertThat(parsed.pids()).containsEntry("ingress", 99L).containsEntry("kafka", 11L);
    }

    @Test
    void escapesStrings() {
        LocalJson json = new LocalJson("u", "a\"b\\c\n", "m", null, "s", "k", null, null, Map.of());

        assertThat(json.toJson()).contains("\"scimToken\":\"a\\\"b\\\\c\\n\"");
        assertThat(LocalJson.parse(json.toJson()).scimToken()).isEqualTo("a\"b\\c\n");
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndReplacedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("local.json");
        sample().write(file);
        sample().withPid("kafka", 42L).write(file);

        assertThat(Files.readString(file)).contains("\"kafka\":42");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("local.json.tmp")).doesNotExist();
        assertThat(LocalJson.read(file)).contains(sample().withPid("kafka", 42L));
        assertThat(LocalJson.read(dir.resolve("absent.json"))).isEmpty();
    }

    @Test
    void anOlderFileWithoutTheWorkerUrlAndAdminTokenStillReads() {
        LocalJson parsed = LocalJson.parse("{\"scimBaseUrl\":\"u\",\"scimToken\":\"t\",\"pids\":{\"kafka\":1}}");

        assertThat(parsed.workerUrl()).isNull();
        assertThat(parsed.adminToken()).isNull();
        assertThat(parsed.pids()).containsEntry("kafka", 1L);
    }

    @Test
    void aDamagedFileIsAClearProblem() {
        assertThatThrownBy(() -> LocalJson.parse("{\"scimBaseUrl\":")).isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("local.json is damaged");
    }

    @Test
    void theTokenIsNotInToString() {
        assertThat(sample().toString()).doesNotContain("tok-123").doesNotContain("adm-456");
    }
}
