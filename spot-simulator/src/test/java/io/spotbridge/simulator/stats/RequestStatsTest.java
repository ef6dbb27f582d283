package io.spotbridge.simulator.stats;

import java.util.Map;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RequestStatsTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-stats");

    @Test
    void requestsAreCountedByRouteTemplateAndStatus() {
        String ada = this.spotApi.createUser("ada@example.com");
        this.spotApi.createUser("grace@example.com");
        this.spotApi.post("/setup/user", Map.of("email", "ada@example.com", "firstName", "A", "lastName", "B"));
        this.spotApi.delete("/setup/user/" + ada);
        this.spotApi.delete("/setup/user/" + ada);
        spot.anonymous().get("/setup/organization/user");

        SpotResponse stats = spot.anonymous().get("/simulator/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(count(stats, "POST /setup/user", 200)).isEqualTo(2);
        assertThat(count(stats, "POST /setup/user", 400)).isEqualTo(1);
        assertThat(count(stats, "DELETE /setup/user/{userId}", 200)).isEqualTo(1);
        assertThat(count(stats, "DELETE /setup/user/{userId}", 404)).isEqualTo(1);
        assertThat(count(stats, "GET /setup/organization/user", 401)).isEqualTo(1);
        assertThat(stats.body().get("total").asLong()).isEqualTo(6);
    }

    @Test
    void deleteResetsTheCounters() {
        this.spotApi.createUser("ada@example.com");

        assertThat(spot.anonymous().delete("/simulator/stats").status()).isEqualTo(200);

        SpotResponse stats = spot.anonymous().get("/simulator/stats");
        assertThat(stats.body().get("requests").isEmpty()).isTrue();
        assertThat(stats.body().get("total").asLong()).isZero();
    }

    @Test
    void simulatorRoutesAreNotCounted() {
        spot.anonymous().get("/simulator/faults");
        spot.anonymous().post("/simulator/faults", Map.of("latencyMs", 0));

        assertThat(spot.anonymous().get("/simulator/stats").body().get("total").asLong()).isZero();
    }

    private static long count(SpotResponse stats, String route, int status) {
        return stats.body().get("requests").path(route).path(String.valueOf(status)).asLong();
    }

}
