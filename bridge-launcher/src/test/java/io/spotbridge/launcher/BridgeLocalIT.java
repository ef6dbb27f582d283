package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bridge local} end to end: the launcher as a process of its own, on free ports and a temporary data
 * directory, with the real Kafka broker, ingress and simulator jars (and the worker's when it is built). Skipped, with
 * the reason, when those jars are not built.
 */
class BridgeLocalIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Artifacts artifacts;
    private static Path launcherJar;

    @TempDir
    Path dataDir;

    private final List<Launcher> launchers = new ArrayList<>();

    @BeforeAll
    static void locateTheBuild() {
        artifacts = Artifacts.locate();
        launcherJar = Path.of(System.getProperty("launcher.jar", "target/bridge-launcher-" + artifacts.version()
                + ".jar")).toAbsolutePath();
    }

    @BeforeEach
    void needsTheBuiltComponents() {
        Assumptions.assumeTrue(Files.isRegularFile(launcherJar), "skipped: " + launcherJar + " is not built");
        for (Path jar : List.of(artifacts.ingressJar(), artifacts.simulatorJar())) {
            Assumptions.assumeTrue(Files.isRegularFile(jar),
                    "skipped: " + jar + " is not built (./mvnw -B -DskipTests install builds it)");
            Optional<String> problem = Artifacts.bootJarProblem(jar);
            Assumptions.assumeTrue(problem.isEmpty(), () -> "skipped: " + problem.orElse(""));
        }
        try {
            artifacts.kafkaClasspath();
        } catch (LauncherException e) {
            Assumptions.abort("skipped: " + e.getMessage());
        }
    }

    @AfterEach
    void leaveNothingRunning() {
        for (Launcher launcher : launchers) {
            launcher.process.destroyForcibly();
        }
        for (ProcessHandle leftover : Processes.withArgument(marker())) {
            leftover.destroyForcibly();
        }
    }

    @Test
    void runsSupervisesStopsAndRestartsTheWholeStackOnItsDataDirectory() throws Exception {
        Map<String, String> env = environment();

        // start: every component becomes ready, local.json tells where, the Ready: line gives URL and token
        Launcher first = start(env);
        String readyLine = first.awaitLine("Ready:", READY_TIMEOUT);
        LocalJson local = LocalJson.read(dataDir.resolve("local.json")).orElseThrow();
        String token = local.scimToken();
        assertThat(readyLine).startsWith("Ready: SCIM base URL " + local.scimBaseUrl() + " token " + token);
        assertThat(local.scimBaseUrl()).isEqualTo("http://127.0.0.1:" + env.get("SCIM_PORT") + "/scim/v2");
        assertThat(local.ingressManagementUrl())
                .isEqualTo("http://127.0.0.1:" + env.get("INGRESS_MANAGEMENT_PORT") + "/actuator");
        assertThat(local.spotApiUrl()).isEqualTo("http://127.0.0.1:" + env.get("SPOT_SIM_PORT"));
        assertThat(local.kafkaBootstrap()).isEqualTo("127.0.0.1:" + env.get("KAFKA_PORT"));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(dataDir.resolve("scim-token")).trim()).isEqualTo(token);
        for (String component : List.of("kafka", "ingress", "simulator")) {
            assertThat(Processes.alive(local.pids().get(component))).as(component).isPresent();
        }
        if (artifacts.workerJarIfBuilt().isEmpty()) {
            assertThat(first.output()).contains("provisioner-worker not built yet: skipping");
            assertThat(local.pids().get("worker")).isNull();
        }

        // SCIM over HTTP with the printed token
        assertThat(scim("POST", local.scimBaseUrl() + "/Users", null, oktaUser("ada@example.com")).statusCode())
                .isEqualTo(401);
        HttpResponse<String> created = scim("POST", local.scimBaseUrl() + "/Users", token,
                oktaUser("ada@example.com"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // kill -9 the ingress: it is restarted with a new pid in local.json and answers again
        long killedIngress = local.pids().get("ingress");
        ProcessHandle.of(killedIngress).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Optional<LocalJson> now = LocalJson.read(dataDir.resolve("local.json"));
            return now.isPresent() && now.get().pids().get("ingress") != killedIngress
                    && Processes.alive(now.get().pids().get("ingress")).isPresent();
        });
        assertThat(first.output()).contains("ingress (pid " + killedIngress + ") exited unexpectedly");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> findsUser(local.scimBaseUrl(), token, "ada@example.com"));
        assertThat(Processes.alive(local.pids().get("kafka"))).as("kafka keeps running").isPresent();

        // SIGTERM to the launcher: every child (and the broker JVM under the Kafka launcher) is gone, local.json too
        LocalJson running = LocalJson.read(dataDir.resolve("local.json")).orElseThrow();
        List<ProcessHandle> stack = Processes.withArgument(marker());
        List<ProcessHandle> brokerJvm = ProcessHandle.of(running.pids().get("kafka")).orElseThrow().descendants()
                .toList();
        assertThat(brokerJvm).isNotEmpty();
        assertThat(stack).extracting(ProcessHandle::pid).contains(running.pids().get("kafka"),
                running.pids().get("ingress"), running.pids().get("simulator"), brokerJvm.get(0).pid());
        first.process.toHandle().destroy(); // SIGTERM; Process#destroy would also close the pipe we read from
        assertThat(first.awaitExit(Duration.ofSeconds(180))).as("launcher exits after SIGTERM").isTrue();
        assertThat(stack).noneMatch(ProcessHandle::isAlive);
        assertThat(brokerJvm).noneMatch(ProcessHandle::isAlive);
        assertThat(Processes.withArgument(marker())).isEmpty();
        assertThat(dataDir.resolve("local.json")).doesNotExist();
        assertThat(first.output()).contains("stopped; nothing of the stack runs any more");

        // a second start on the same data directory keeps the token and the users
        Launcher second = start(env);
        second.awaitLine("Ready:", READY_TIMEOUT);
        LocalJson again = LocalJson.read(dataDir.resolve("local.json")).orElseThrow();
        assertThat(again.scimToken()).isEqualTo(token);
        assertThat(second.output()).doesNotContain("generated a SCIM token");
        assertThat(findsUser(again.scimBaseUrl(), token, "ada@example.com")).isTrue();
        assertThat(again.adminToken()).matches("[A-Za-z0-9_-]{43}")
                .isEqualTo(Files.readString(dataDir.resolve("admin-token")).trim()).isEqualTo(local.adminToken());

        // bin/bridge dead-letters against the real worker's admin API (token and URL from local.json): none yet
        if (artifacts.workerJarIfBuilt().isPresent()) {
            assertThat(again.workerUrl()).isEqualTo("http://127.0.0.1:" + env.get("WORKER_PORT"));
            Process deadLetters = launcherCommand("dead-letters", env).start();
            String listing = new String(deadLetters.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(deadLetters.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(deadLetters.exitValue()).as(listing).isZero();
            assertThat(listing).startsWith("TENANT").contains("(no dead letters)")
                    .doesNotContain(again.adminToken());
        }

        // bin/bridge stop from "another terminal"
        Process stop = launcherCommand("stop", env).start();
        String stopOutput = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stop.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(stop.exitValue()).as(stopOutput).isZero();
        assertThat(second.awaitExit(Duration.ofSeconds(10))).isTrue();
        assertThat(Processes.withArgument(marker())).isEmpty();
        assertThat(dataDir.resolve("local.json")).doesNotExist();
    }

    private String marker() {
        return Processes.marker(new DataDir(dataDir.toAbsolutePath().normalize()));
    }

    private Map<String, String> environment() throws IOException {
        List<Integer> ports = freePorts(7);
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DATA_DIR", dataDir.toString());
        env.put("SCIM_PORT", ports.get(0).toString());
        env.put("INGRESS_MANAGEMENT_PORT", ports.get(1).toString());
        env.put("WORKER_MANAGEMENT_PORT", ports.get(2).toString());
        env.put("WORKER_PORT", ports.get(3).toString());
        env.put("SPOT_SIM_PORT", ports.get(4).toString());
        env.put("KAFKA_PORT", ports.get(5).toString());
        env.put("KAFKA_CONTROLLER_PORT", ports.get(6).toString());
        env.put("KAFKA_HEAP", "256m");
        env.put("BRIDGE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m");
        env.put("BRIDGE_STARTUP_TIMEOUT", Long.toString(READY_TIMEOUT.toSeconds() - 20));
        return env;
    }

    private Launcher start(Map<String, String> env) throws IOException {
        Launcher launcher = new Launcher(launcherCommand("local", env).start());
        launchers.add(launcher);
        return launcher;
    }

    /** {@code bin/bridge <command>} as bin/bridge runs it, with exactly the given settings. */
    private static ProcessBuilder launcherCommand(String command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbridge.home=" + artifacts.home(), "-cp", launcherJar.toString(),
                "io.spotbridge.launcher.BridgeCli", command).redirectErrorStream(true);
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(name -> name.startsWith("BRIDGE_") || name.startsWith("SPOT_")
                || name.equals("SCIM_TOKEN") || name.endsWith("_PORT"));
        childEnv.putAll(env);
        return builder;
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static HttpResponse<String> scim(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean findsUser(String scimBaseUrl, String token, String userName) {
        try {
            String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                    .replace("+", "%20");
            HttpResponse<String> answer = scim("GET", scimBaseUrl + "/Users?filter=" + filter, token, null);
            return answer.statusCode() == 200 && answer.body().contains("\"totalResults\":1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String oktaUser(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Ada","familyName":"Lovelace"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Ada Lovelace",
                 "externalId":"00u1","groups":[],"active":true}""".formatted(userName, userName);
    }

    /** A launcher process whose output is collected line by line (and echoed to this test's output). */
    private final class Launcher {

        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Launcher(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        System.out.println("launcher> " + line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "launcher-output");
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            return String.join("\n", lines);
        }

        /** Waits for the process to exit and for its last output lines to be read. */
        boolean awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            reader.join(5000);
            return true;
        }

        String awaitLine(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                if (!process.isAlive()) {
                    TimeUnit.MILLISECONDS.sleep(300); // let the reader take the last lines
                    throw new AssertionError("the launcher exited with code " + process.exitValue() + " before '"
                            + prefix + "':\n" + output() + logTails());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            throw new AssertionError("no '" + prefix + "' within " + timeout.toSeconds() + " s:\n" + output()
                    + logTails());
        }

        private String logTails() {
            StringBuilder tails = new StringBuilder();
            for (String component : LocalJson.COMPONENTS) {
                Path log = dataDir.resolve("logs").resolve(component + ".log");
                if (Files.exists(log)) {
                    tails.append("\n----- ").append(log).append(" -----\n").append(Logs.tail(log, 0, 30));
                }
            }
            return tails.toString();
        }
    }
}
