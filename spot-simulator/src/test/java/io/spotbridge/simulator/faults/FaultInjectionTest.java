package io.spotbridge.simulator.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FaultInjectionTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-faults");

    private final SpotClient admin = spot.anonymous();

    @Test
    void errorRateOneFailsEveryRequestWithTheErrorStatus() {
        inject(Map.of("errorRate", 1.0, "errorStatus", 500));

        List<SpotResponse> responses = List.of(this.spotApi.get("/setup/organization/user"),
                this.spotApi.post("/setup/user", Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "L")),
                this.spotApi.delete("/setup/user/u-00000000"));

        assertThat(responses).allSatisfy((response) -> {
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body().at("/response/status/code").asInt()).isEqualTo(500);
            assertThat(response.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        });
        this.admin.delete("/simulator/faults");
        assertThat(this.spotApi.get("/setup/organization/user").items()).as("failed requests change nothing").isEmpty();
    }

    @Test
    void injectedErrorsAre503UnlessTheStatusIsGiven() {
        inject(Map.of("errorRate", 1.0));

        SpotResponse response = this.spotApi.get("/setup/account");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void partialErrorRateFailsSomeRequestsAndNotOthers() {
        inject(Map.of("errorRate", 0.5));

        List<Integer> statuses = IntStream.range(0, 60).mapToObj((i) -> this.spotApi.get("/setup/account").status()).toList();

        assertThat(statuses).contains(200, 503).containsOnly(200, 503);
    }

    @Test
    void latencyIsAddedToEveryRequestWithoutBlockingOthers() {
        inject(Map.of("latencyMs", 400));

        long started = System.nanoTime();
        SpotResponse one = this.spotApi.get("/setup/account");
        Duration single = Duration.ofNanos(System.nanoTime() - started);

        assertThat(one.status()).isEqualTo(200);
        assertThat(single).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        started = System.nanoTime();
        List<CompletableFuture<SpotResponse>> concurrent = IntStream.range(0, 8)
            .mapToObj((i) -> this.spotApi.getAsync("/setup/account"))
            .toList();
        concurrent.forEach(CompletableFuture::join);
        Duration eight = Duration.ofNanos(System.nanoTime() - started);

        assertThat(eight).as("8 delayed requests at once take about one delay, not eight")
            .isLessThan(Duration.ofMillis(8 * 400 / 2));
    }

    @Test
    void outageFailsEveryRequestWith503ThenRecovers() {
        inject(Map.of("outageSeconds", 1));

        SpotResponse during = this.spotApi.get("/setup/account");

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.body().at("/response/status/code").asInt()).isEqualTo(503);
        assertThat(during.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(spot.anonymous().get("/setup/account").status()).as("before auth too").isEqualTo(503);
        assertThat(this.admin.get("/simulator/faults").body().get("outageSeconds").asLong()).isBetween(0L, 1L);
        await().atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(this.spotApi.get("/setup/account").status()).isEqualTo(200));
    }

    @Test
    void emailsMatchingTheRejectPatternCannotBeCreated() {
        inject(Map.of("rejectEmailsMatching", "@blocked\\.example$"));

        SpotResponse rejected = this.spotApi.post("/setup/user",
                Map.of("email", "eve@blocked.example", "firstName", "Eve", "lastName", "Smith"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().at("/response/status/code").asInt()).isEqualTo(400);
        assertThat(rejected.errorField()).isEqualTo("email");
        assertThat(this.spotApi.post("/setup/user",
                Map.of("email", "eve@fine.example", "firstName", "Eve", "lastName", "Smith")).status()).isEqualTo(200);
    }

    @Test
    void revokedTokensAreUnauthorized() {
        inject(Map.of("revokedTokens", List.of("token-revoked")));

        SpotResponse revoked = spot.as("token-revoked").get("/setup/account");

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(this.spotApi.get("/setup/account").status()).isEqualTo(200);
    }

    @Test
    void deleteClearsEveryFault() {
        inject(Map.of("errorRate", 1.0, "errorStatus", 500, "latencyMs", 50, "outageSeconds", 60, "rateLimitPerMinute", 1,
                "rejectEmailsMatching", ".*", "revokedTokens", List.of("token-faults")));

        SpotResponse cleared = this.admin.delete("/simulator/faults");

        assertThat(cleared.status()).isEqualTo(200);
        JsonNode faults = this.admin.get("/simulator/faults").body();
        assertThat(faults.get("errorRate").asDouble()).isZero();
        assertThat(faults.get("errorStatus").asInt()).isEqualTo(503);
        assertThat(faults.get("latencyMs").asLong()).isZero();
        assertThat(faults.get("outageSeconds").asLong()).isZero();
        assertThat(faults.get("rateLimitPerMinute").asInt()).isEqualTo(100_000);
        assertThat(faults.get("rejectEmailsMatching").isNull()).isTrue();
        assertThat(faults.get("revokedTokens").isEmpty()).isTrue();
        assertThat(this.spotApi.createUser("ada@example.com")).isNotBlank();
    }

    @Test
    void faultsNotGivenKeepTheirValueAndNullResetsOne() {
        inject(Map.of("latencyMs", 20, "errorStatus", 502));
        inject(Map.of("errorRate", 0.25));
        Map<String, Object> resetStatus = new HashMap<>();
        resetStatus.put("errorStatus", null);

        JsonNode faults = inject(resetStatus).body();

        assertThat(faults.get("latencyMs").asLong()).isEqualTo(20);
        assertThat(faults.get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(faults.get("errorStatus").asInt()).isEqualTo(503);
    }

    @Test
    void invalidFaultsAreRejectedWithTheFieldNamed() {
        Map<String, Object> invalid = Map.of("errorRate", 1.5, "errorStatus", 200, "latencyMs", -1, "outageSeconds", "soon",
                "rateLimitPerMinute", -5, "rejectEmailsMatching", "(", "revokedTokens", "token", "errorrate", 1);
        for (Map.Entry<String, Object> field : invalid.entrySet()) {
            SpotResponse rejected = this.admin.post("/simulator/faults", Map.of(field.getKey(), field.getValue()));
            assertThat(rejected.status()).as(field.getKey()).isEqualTo(400);
            assertThat(rejected.errorField()).isEqualTo(field.getKey());
        }
        assertThat(this.admin.sendRaw("POST", "/simulator/faults", "{latencyMs:").status()).isEqualTo(400);
        assertThat(this.admin.get("/simulator/faults").body().get("errorRate").asDouble()).isZero();
    }

    @Test
    void faultsDoNotApplyToSimulatorRoutes() {
        inject(Map.of("outageSeconds", 60, "errorRate", 1.0, "latencyMs", 2000));

        long started = System.nanoTime();
        SpotResponse stats = this.admin.get("/simulator/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
    }

    private SpotResponse inject(Map<String, ?> faults) {
        SpotResponse response = this.admin.post("/simulator/faults", faults);
        assertThat(response.status()).as("POST /simulator/faults %s: %s", faults, response.body()).isEqualTo(200);
        return response;
    }

}
