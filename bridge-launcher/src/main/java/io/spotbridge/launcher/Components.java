package io.spotbridge.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command lines and environments of the four components. Every component gets exactly the settings meant for it:
 * the tokens of the launcher's own environment are removed and set again per component.
 *
 * <ul>
 *   <li>kafka: {@code io.spotbridge.testkit.StandaloneKafkaBroker} (which runs the KRaft broker in a JVM of its own
 *       and stops it on SIGTERM), data in {@code $BRIDGE_DATA_DIR/kafka}; ready when it prints its ready line.</li>
 *   <li>simulator: ready when {@code GET /simulator/faults} answers 200.</li>
 *   <li>ingress, worker: ready when {@code /actuator/health/readiness} on their management port answers 200.</li>
 * </ul>
 */
final class Components {

    static final String KAFKA = "kafka";
    static final String INGRESS = "ingress";
    static final String WORKER = "worker";
    static final String SIMULATOR = "simulator";

    /** Variables a component must not inherit from the launcher: each gets the ones meant for it. */
    private static final Set<String> INHERITED_SECRETS = Set.of("SCIM_TOKEN", "SPOT_TOKEN", "SPOT_API_URL",
            "BRIDGE_ADMIN_TOKEN", "BRIDGE_WORKER_URL");

    private final Settings settings;
    private final Artifacts artifacts;
    private final DataDir dataDir;
    private final String scimToken;
    private final String adminToken;
    private final int kafkaControllerPort;
    private final String java;

    Components(Settings settings, Artifacts artifacts, DataDir dataDir, String scimToken, String adminToken,
            int kafkaControllerPort) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.dataDir = dataDir;
        this.scimToken = scimToken;
        this.adminToken = adminToken;
        this.kafkaControllerPort = kafkaControllerPort;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String kafkaBootstrap() {
        return Settings.LOOPBACK + ":" + settings.kafkaPort();
    }

    String scimBaseUrl() {
        return serviceUrl(settings.scimPort()) + "/scim/v2";
    }

    String ingressManagementUrl() {
        return serviceUrl(settings.ingressManagementPort()) + "/actuator";
    }

    String workerManagementUrl() {
        return serviceUrl(settings.workerManagementPort()) + "/actuator";
    }

    /** The worker's server port, where its admin API answers (to the admin token). */
    String workerUrl() {
        return serviceUrl(settings.workerPort());
    }

    /** The Spot API the worker calls: the real one, or the simulator (which listens on the bind address). */
    String spotApiUrl() {
        return settings.realSpot() ? settings.spotApiUrl().orElseThrow() : serviceUrl(settings.spotSimPort());
    }

    ComponentSpec kafka() {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                Processes.marker(dataDir), "-cp", artifacts.kafkaClasspath(),
                "io.spotbridge.testkit.StandaloneKafkaBroker",
                "--port", Integer.toString(settings.kafkaPort()),
                "--controller-port", Integer.toString(kafkaControllerPort),
                "--data-dir", dataDir.kafka().toString(),
                "--heap", settings.kafkaHeap(),
                "--jvm-arg", Processes.marker(dataDir)));
        return new ComponentSpec(KAFKA, command, Map.of(), INHERITED_SECRETS, dataDir.root(), dataDir.log(KAFKA),
                Readiness.logLine("Kafka ready on " + kafkaBootstrap()), Duration.ofSeconds(45), kafkaBootstrap());
    }

    ComponentSpec simulator() {
        List<String> command = springBoot(artifacts.simulatorJar());
        command.add("--server.port=" + settings.spotSimPort());
        command.add("--server.address=" + settings.bindAddress());
        return new ComponentSpec(SIMULATOR, command, Map.of(), INHERITED_SECRETS, dataDir.root(),
                dataDir.log(SIMULATOR), Readiness.httpOk(spotApiUrl() + "/simulator/faults"), Duration.ofSeconds(20),
                spotApiUrl());
    }

    /**
     * The ingress accepts the SCIM token for tenant {@code default}. With the real Spot API it also accepts
     * {@code SPOT_TOKEN}, since the Okta setup has the admin paste the Spot token into Okta.
     */
    ComponentSpec ingress() {
        Map<String, String> env = new LinkedHashMap<>(common());
        env.put("SCIM_PORT", Integer.toString(settings.scimPort()));
        env.put("INGRESS_MANAGEMENT_PORT", Integer.toString(settings.ingressManagementPort()));
        if (settings.realSpot() && !settings.spotToken().orElseThrow().equals(scimToken)) {
            env.put("SPOT_TOKEN", settings.spotToken().orElseThrow());
            env.put("BRIDGE_TENANTS_DEFAULT_TOKENSHA256_0", sha256Hex(scimToken));
        } else {
            env.put("SPOT_TOKEN", scimToken);
        }
        return new ComponentSpec(INGRESS, springBoot(artifacts.ingressJar()), env, INHERITED_SECRETS, dataDir.root(),
                dataDir.log(INGRESS), Readiness.httpOk(ingressManagementUrl() + "/health/readiness"),
                Duration.ofSeconds(30), scimBaseUrl());
    }

    /**
     * The worker calls Spot with SPOT_TOKEN (real Spot) or the SCIM token (the simulator's tenant token); its admin API
     * answers to the admin token.
     */
    ComponentSpec worker(Path jar) {
        Map<String, String> env = new LinkedHashMap<>(common());
        env.put("SPOT_TOKEN", settings.realSpot() ? settings.spotToken().orElseThrow() : scimToken);
        env.put("SPOT_API_URL", spotApiUrl());
        env.put("WORKER_MANAGEMENT_PORT", Integer.toString(settings.workerManagementPort()));
        env.put("WORKER_PORT", Integer.toString(settings.workerPort()));
        env.put("BRIDGE_ADMIN_TOKEN", adminToken);
        return new ComponentSpec(WORKER, springBoot(jar), env, INHERITED_SECRETS, dataDir.root(), dataDir.log(WORKER),
                Readiness.httpOk(workerManagementUrl() + "/health/readiness"), Duration.ofSeconds(30),
                workerManagementUrl());
    }

    private Map<String, String> common() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("BIND_ADDRESS", settings.bindAddress());
        return env;
    }

    private List<String> springBoot(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(settings.javaOptions());
        command.add(Processes.marker(dataDir));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private String serviceUrl(int port) {
        return "http://" + settings.urlHost() + ":" + port;
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
