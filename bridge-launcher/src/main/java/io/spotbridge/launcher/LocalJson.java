package io.spotbridge.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code $BRIDGE_DATA_DIR/local.json}: where the running stack is, for people and scripts.
 *
 * <pre>{@code
 * {"scimBaseUrl":"http://127.0.0.1:8080/scim/v2","scimToken":"...","ingressManagementUrl":"http://127.0.0.1:9080/actuator",
 *  "workerManagementUrl":"http://127.0.0.1:9081/actuator","spotApiUrl":"http://127.0.0.1:8090","kafkaBootstrap":"127.0.0.1:9092",
 *  "workerUrl":"http://127.0.0.1:8081","adminToken":"...",
 *  "pids":{"kafka":1201,"ingress":1302,"worker":1403,"simulator":1504}}
 * }</pre>
 *
 * A component that is not running (the worker before it is built, the simulator when the real Spot API is used) has
 * {@code null} as its pid, and the worker then also has {@code null} as its management URL and worker URL.
 * {@code workerUrl} is the worker's server port, where its admin API ({@code /admin/dead-letters},
 * {@code /admin/replay}) answers to {@code adminToken}; {@code bin/bridge dead-letters} and {@code replay} use both.
 *
 * @param pids component name ({@link #COMPONENTS}) -> pid, or null
 */
record LocalJson(String scimBaseUrl, String scimToken, String ingressManagementUrl, String workerManagementUrl,
        String spotApiUrl, String kafkaBootstrap, String workerUrl, String adminToken, Map<String, Long> pids) {

    /** The components in local.json's order. */
    static final List<String> COMPONENTS = List.of("kafka", "ingress", "worker", "simulator");

    LocalJson {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            ordered.put(component, pids.get(component));
        }
        pids = Collections.unmodifiableMap(ordered);
    }

    /** One line of JSON with the members in the documented order, ending with a newline. */
    String toJson() {
        StringBuilder pidsJson = new StringBuilder("{");
        pids.forEach((name, pid) -> pidsJson.append(pidsJson.length() > 1 ? "," : "").append(Json.quote(name))
                .append(':').append(pid == null ? "null" : pid.toString()));
        pidsJson.append('}');
        return "{\"scimBaseUrl\":" + Json.quote(scimBaseUrl)
                + ",\"scimToken\":" + Json.quote(scimToken)
                + ",\"ingressManagementUrl\":" + Json.quote(ingressManagementUrl)
                + ",\"workerManagementUrl\":" + Json.quote(workerManagementUrl)
                + ",\"spotApiUrl\":" + Json.quote(spotApiUrl)
                + ",\"kafkaBootstrap\":" + Json.quote(kafkaBootstrap)
                + ",\"workerUrl\":" + Json.quote(workerUrl)
                + ",\"adminToken\":" + Json.quote(adminToken)
                + ",\"pids\":" + pidsJson + "}\n";
    }

    LocalJson withPid(String component, Long pid) {
        Map<String, Long> changed = new LinkedHashMap<>(pids);
        changed.put(component, pid);
        return new LocalJson(scimBaseUrl, scimToken, ingressManagementUrl, workerManagementUrl, spotApiUrl,
                kafkaBootstrap, workerUrl, adminToken, changed);
    }

    /** Writes the file atomically, readable by its owner only (it holds the token). */
    void write(Path file) {
        DataDir.writeAtomically(file, toJson(), true);
    }

    /** The file's content, or empty if there is no file. */
    static Optional<LocalJson> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new LauncherException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    static LocalJson parse(String json) {
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new LauncherException("local.json is damaged: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new LauncherException("local.json is damaged: not a JSON object");
        }
        Map<?, ?> root = (Map<?, ?>) parsed;
        Map<String, Long> pids = new LinkedHashMap<>();
        if (root.get("pids") instanceof Map) {
            ((Map<?, ?>) root.get("pids")).forEach((name, pid) ->
                    pids.put(String.valueOf(name), pid instanceof Number ? ((Number) pid).longValue() : null));
        }
        return new LocalJson(text(root, "scimBaseUrl"), text(root, "scimToken"), text(root, "ingressManagementUrl"),
                text(root, "workerManagementUrl"), text(root, "spotApiUrl"), text(root, "kafkaBootstrap"),
                text(root, "workerUrl"), text(root, "adminToken"), pids);
    }

    private static String text(Map<?, ?> root, String name) {
        Object value = root.get(name);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "LocalJson[scimBaseUrl=" + scimBaseUrl + ", workerUrl=" + workerUrl + ", pids=" + pids + "]"; // never a token
    }
}
