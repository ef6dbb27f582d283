package io.spotbridge.launcher;

import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings: environment variables with their defaults. {@code bin/bridge help} prints this list.
 * An empty value counts as unset.
 */
enum Setting {

    BRIDGE_DATA_DIR("./.bridge", "Kafka data, logs, the generated SCIM token and local.json (relative to the current directory)"),
    SCIM_PORT("8080", "the SCIM API Okta calls (ingress-service)"),
    INGRESS_MANAGEMENT_PORT("9080", "health and metrics of the ingress (/actuator)"),
    WORKER_MANAGEMENT_PORT("9081", "health and metrics of the worker (/actuator)"),
    WORKER_PORT("8081", "the worker's admin API (dead letters, replay)"),
    SPOT_SIM_PORT("8090", "the Spot simulator (not started when SPOT_TOKEN and SPOT_API_URL are set)"),
    KAFKA_PORT("9092", "the Kafka broker (always on 127.0.0.1)"),
    KAFKA_CONTROLLER_PORT("", "the broker's KRaft controller listener (default: a free port chosen at each start)"),
    BIND_ADDRESS("127.0.0.1", "where the ingress, worker and simulator listen (e.g. 0.0.0.0 for every interface)"),
    SCIM_TOKEN("", "the bearer token Okta sends; generated, printed and kept in the data directory when unset;"
            + " with the simulator it is also the Spot token"),
    SPOT_TOKEN("", "the real Spot API token the worker uses; with SPOT_API_URL, no simulator is started and Okta"
            + " may send this token too"),
    SPOT_API_URL("", "the real Spot API, e.g. https://api.spotinst.io (with SPOT_TOKEN)"),
    KAFKA_HEAP("512m", "maximum heap of the Kafka broker"),
    BRIDGE_JAVA_OPTS("", "extra JVM options for the ingress, worker and simulator, e.g. -Xmx512m"),
    BRIDGE_STARTUP_TIMEOUT("180", "seconds every component gets to become ready at start"),
    BRIDGE_REBUILD("", "bin/bridge only: 1 = rebuild before starting, 0 = never build");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The value from {@code env}, trimmed, if it is set and not blank. */
    Optional<String> from(Map<String, String> env) {
        String value = env.get(name());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The value from {@code env}, or the default (which may be empty). */
    String fromOrDefault(Map<String, String> env) {
        return from(env).orElse(defaultValue);
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }
}
