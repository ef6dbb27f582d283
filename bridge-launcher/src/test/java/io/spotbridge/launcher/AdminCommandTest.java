package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {

    private static final String TOKEN = "adm-secret-token";

    private static final String LETTERS = "[{\"tenant\":\"acme\",\"userId\":\"u-1\",\"eventType\":\"UserCreated\","
            + "\"version\":3,\"errorClass\":\"io.spotbridge.worker.spot.SpotRejectedException\","
            + "\"errorMessage\":\"Spot answered 400: email ada@bad is refused by the policy of the organisation\","
            + "\"attempts\":1,\"firstFailure\":\"2026-01-31T12:00:00Z\",\"replayCount\":0,\"superseded\":false,"
            + "\"partition\":0,\"offset\":7},"
            + "{\"tenant\":\"acme\",\"userId\":\"u-2\",\"eventType\":\"UserUpdated\",\"version\":9,"
            + "\"errorClass\":\"Boom\",\"errorMessage\":null,\"attempts\":5,\"firstFailure\":\"2026-01-31T13:00:00Z\","
            + "\"replayCount\":2,\"superseded\":true,\"partition\":1,\"offset\":8}]";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String replayAnswer = "{\"dryRun\":false,\"replayed\":1,\"superseded\":1,\"parked\":0,"
            + "\"failed\":0,\"items\":[{\"tenant\":\"acme\",\"userId\":\"u-1\",\"version\":3,\"partition\":0,"
            + "\"offset\":7,\"outcome\":\"replayed\",\"detail\":\"re-published\"},{\"tenant\":\"acme\","
            + "\"userId\":\"u-2\",\"version\":9,\"partition\":1,\"offset\":8,\"outcome\":\"superseded\","
            + "\"detail\":\"a newer version exists\"}]}";
    private volatile String listAnswer = LETTERS;

    @BeforeEach
    void stubAdminApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/admin/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            queries.add(query(exchange.getRequestURI().getRawQuery()));
            String body;
            int code;
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                code = 403;
                body = "{\"error\":\"invalid admin token\"}";
            } else if (status != 200) {
                code = status;
                body = "{\"error\":\"since is not an ISO instant: x\"}";
            } else if (path.equals("/admin/dead-letters") && exchange.getRequestMethod().equals("GET")) {
                code = 200;
                body = listAnswer;
            } else if (path.equals("/admin/replay") && exchange.getRequestMethod().equals("POST")) {
                code = 200;
                body = replayAnswer;
            } else {
                code = 404;
                body = "{\"error\":\"not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private String workerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int run(Map<String, String> env, String... args) {
        return BridgeCli.run(args, env, dir, console);
    }

    private Map<String, String> clusterEnv() {
        return Map.of("BRIDGE_WORKER_URL", workerUrl(), "BRIDGE_ADMIN_TOKEN", TOKEN, "USER", "ops");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    // argument parsing

    @Test
    void parsesFiltersInBothSpellings() {
        AdminCommand.Options options = AdminCommand.parse("replay", List.of("--tenant", "acme", "--user=u-1",
                "--error", "SpotRejectedException", "--since", "2026-01-31T12:00:00Z", "--until=2026-02-01T00:00:00Z",
                "--dry-run", "--rate", "5/s"));

        assertThat(options.tenant()).isEqualTo("acme");
        assertThat(options.user()).isEqualTo("u-1");
        assertThat(options.error()).isEqualTo("SpotRejectedException");
        assertThat(options.since()).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(options.until()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(options.dryRun()).isTrue();
        assertThat(options.rate()).isEqualTo(5.0);
        assertThat(options.query("bin/bridge:ops")).containsExactly(Map.entry("tenant", "acme"),
                Map.entry("user", "u-1"), Map.entry("error", "SpotRejectedException"),
                Map.entry("since", "2026-01-31T12:00:00Z"), Map.entry("until", "2026-02-01T00:00:00Z"),
                Map.entry("dryRun", "true"), Map.entry("ratePerSecond", "5"), Map.entry("by", "bin/bridge:ops"));
    }

    @Test
    void aRateIsNPerSecondOrJustN() {
        assertThat(AdminCommand.rate("replay", "2.5/s")).isEqualTo(2.5);
        assertThat(AdminCommand.rate("replay", "20")).isEqualTo(20.0);
        for (String bad : List.of("0", "-1/s", "fast", "5/m", "NaN")) {
            assertThatThrownBy(() -> AdminCommand.rate("replay", bad)).as(bad).isInstanceOf(LauncherException.class)
                    .hasMessageContaining("is not a rate");
        }
    }

    @Test
    void withoutFiltersTheListSendsNoParameters() {
        AdminCommand.Options options = AdminCommand.parse("dead-letters", List.of());

        assertThat(options.query(null)).isEmpty();
        assertThat(AdminCommand.parse("replay", List.of()).query(null)).containsExactly(Map.entry("dryRun", "false"));
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        assertThat(run(clusterEnv(), "dead-letters", "--dry-run")).isEqualTo(2);
        assertThat(run(clusterEnv(), "dead-letters", "--rate", "5")).isEqualTo(2);
        assertThat(run(clusterEnv(), "replay", "--tenant")).isEqualTo(2);
        assertThat(run(clusterEnv(), "replay", "--since", "yesterday")).isEqualTo(2);
        assertThat(run(clusterEnv(), "replay", "acme")).isEqualTo(2);

        assertThat(stderr()).contains("unknown argument '--dry-run'").contains("unknown argument '--rate'")
                .contains("--tenant needs a value").contains("--since yesterday is not an ISO instant")
                .contains("unknown argument 'acme'").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stderr().strip().lines()).hasSize(5);
        assertThat(requests).isEmpty();
    }

    // formatting

    @Test
    void theTableHasEveryColumnAndTruncatesTheError() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> letters = (List<Map<String, Object>>) Json.parse(LETTERS);

        String table = AdminCommand.table(letters);

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("TENANT").contains("USER", "EVENT", "VERSION", "ERROR", "ATTEMPTS",
                "FIRST FAILURE", "REPLAYED", "SUPERSEDED");
        assertThat(lines.get(1)).startsWith("acme").contains("u-1", "UserCreated", " 3 ",
                "SpotRejectedException: Spot answered 400", "2026-01-31T12:00:00Z").endsWith("no")
                .doesNotContain("organisation");
        assertThat(lines.get(1)).contains("...");
        assertThat(lines.get(2)).contains("u-2", "UserUpdated", " 9 ", "Boom ", " 5 ", " 2 ").endsWith("yes");
        assertThat(lines.get(3)).isEqualTo("2 dead letters");
        // columns line up: the error column starts at the same place on every row
        assertThat(lines.get(1).indexOf("SpotRejected")).isEqualTo(lines.get(0).indexOf("ERROR"));
        assertThat(lines.get(2).indexOf("Boom")).isEqualTo(lines.get(0).indexOf("ERROR"));
    }

    @Test
    void anEmptyListIsAHeaderAndASentence() {
        assertThat(AdminCommand.table(List.of())).startsWith("TENANT").endsWith("\n(no dead letters)");
    }

    @Test
    void controlCharactersInMessagesAreNotPrinted() {
        Map<String, Object> letter = new HashMap<>();
        letter.put("tenant", "t");
        letter.put("errorClass", "E");
        letter.put("errorMessage", "bad\u001b[31mred\nline");

        assertThat(AdminCommand.table(List.of(letter))).doesNotContain("\u001b").contains("bad?[31mred line");
    }

    @Test
    void theReplayReportListsDecisionsAndEndsWithTheSummary() {
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.parse(replayAnswer);

        String report = AdminCommand.replayReport(summary);

        List<String> lines = report.lines().toList();
        assertThat(lines.get(0)).startsWith("OUTCOME");
        assertThat(lines.get(1)).startsWith("replayed").contains("acme", "u-1", "0@7", "re-published");
        assertThat(lines.get(2)).startsWith("superseded").contains("u-2", "a newer version exists");
        assertThat(lines.get(3)).isEqualTo("replayed 1, superseded 1, parked 0, failed 0");
    }

    @Test
    void aDryRunSaysSo() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dryRun", true);
        summary.put("replayed", 2L);
        summary.put("items", new ArrayList<>());

        assertThat(AdminCommand.replayReport(summary))
                .isEqualTo("replayed 2, superseded 0, parked 0, failed 0 (dry run: nothing was re-published)");
    }

    // against the stub admin API

    @Test
    void deadLettersSendsTheTokenAndFiltersAndPrintsTheTable() {
        assertThat(run(clusterEnv(), "dead-letters", "--tenant", "acme corp", "--user", "u-1", "--error",
                "SpotRejectedException", "--since", "2026-01-31T12:00:00Z", "--until", "2026-02-01T00:00:00Z"))
                .isZero();

        assertThat(requests).containsExactly("GET /admin/dead-letters");
        assertThat(queries.get(0)).containsExactly(Map.entry("tenant", "acme corp"), Map.entry("user", "u-1"),
                Map.entry("error", "SpotRejectedException"), Map.entry("since", "2026-01-31T12:00:00Z"),
                Map.entry("until", "2026-02-01T00:00:00Z"));
        assertThat(stdout()).contains("TENANT", "u-1", "u-2", "2 dead letters").doesNotContain(TOKEN);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void replayPostsTheOptionsAndExits0WhenNothingWasParkedOrFailed() {
        assertThat(run(clusterEnv(), "replay", "--tenant", "acme", "--dry-run", "--rate", "2/s")).isZero();

        assertThat(requests).containsExactly("POST /admin/replay");
        assertThat(queries.get(0)).containsEntry("tenant", "acme").containsEntry("dryRun", "true")
                .containsEntry("ratePerSecond", "2").containsEntry("by", "bin/bridge:ops");
        assertThat(stdout()).contains("replayed 1, superseded 1, parked 0, failed 0").doesNotContain(TOKEN);
    }

    @Test
    void replayExits1WhenLettersWereParkedOrFailed() {
        replayAnswer = "{\"dryRun\":false,\"replayed\":0,\"superseded\":0,\"parked\":1,\"failed\":1,\"items\":[]}";

        assertThat(run(clusterEnv(), "replay")).isEqualTo(1);

        assertThat(stdout()).contains("replayed 0, superseded 0, parked 1, failed 1");
        assertThat(queries.get(0)).containsEntry("dryRun", "false").doesNotContainKey("ratePerSecond");
    }

    @Test
    void aWrongTokenIsOneLineWithoutTheToken() {
        Map<String, String> env = Map.of("BRIDGE_WORKER_URL", workerUrl(), "BRIDGE_ADMIN_TOKEN", "wrong-token");

        assertThat(run(env, "dead-letters")).isEqualTo(1);

        assertThat(stderr()).contains("answered 403", "invalid admin token").doesNotContain("wrong-token")
                .doesNotContain("Exception");
        assertThat(stderr().strip().lines()).hasSize(1);
    }

    @Test
    void anErrorOfTheApiIsShown() {
        status = 400;

        assertThat(run(clusterEnv(), "replay")).isEqualTo(1);

        assertThat(stderr()).contains("answered 400", "since is not an ISO instant");
    }

    @Test
    void anUnreachableWorkerIsOneLine() {
        String url = workerUrl();
        server.stop(0);

        assertThat(run(Map.of("BRIDGE_WORKER_URL", url, "BRIDGE_ADMIN_TOKEN", TOKEN), "dead-letters")).isEqualTo(1);

        assertThat(stderr()).contains("cannot reach the worker at " + url).doesNotContain("\tat ");
        assertThat(stderr().strip().lines()).hasSize(1);
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("BRIDGE_WORKER_URL", "http://127.0.0.1:1", "BRIDGE_ADMIN_TOKEN", "other");

        assertThat(run(env, "dead-letters", "--worker-url", workerUrl() + "/", "--admin-token", TOKEN)).isZero();

        assertThat(requests).containsExactly("GET /admin/dead-letters");
    }

    @Test
    void byDefaultTheLocalStacksLocalJsonNamesWorkerAndToken() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        new LocalJson("http://127.0.0.1:1/scim/v2", "scim", null, null, null, null, workerUrl(), TOKEN, Map.of())
                .write(dir.resolve("data/local.json"));

        assertThat(run(Map.of("BRIDGE_DATA_DIR", "data"), "dead-letters", "--user", "u-1")).isZero();

        assertThat(requests).containsExactly("GET /admin/dead-letters");
        assertThat(queries.get(0)).containsExactly(Map.entry("user", "u-1"));
    }

    @Test
    void withoutALocalStackOrAWorkerUrlItSaysWhatToDo() {
        assertThat(run(Map.of("BRIDGE_DATA_DIR", "data"), "dead-letters")).isEqualTo(1);

        assertThat(stderr()).contains("bin/bridge is not running on " + dir.resolve("data"), "--worker-url");
    }

    @Test
    void aLocalStackWithoutAWorkerIsAClearProblem() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        new LocalJson("u", "scim", null, null, null, null, null, TOKEN, Map.of())
                .write(dir.resolve("data/local.json"));

        assertThat(run(Map.of("BRIDGE_DATA_DIR", "data"), "replay")).isEqualTo(1);

        assertThat(stderr()).contains("runs no worker").doesNotContain(TOKEN);
    }
}
