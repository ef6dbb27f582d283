package io.spotbridge.simulator;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotSimulatorTest {

    @Test
    void startsOnAFreeLoopbackPortAndStopsOnClose() {
        String baseUrl;
        try (SpotSimulator simulator = SpotSimulator.start(0)) {
            baseUrl = simulator.baseUrl();
            assertThat(simulator.port()).isPositive();
            assertThat(baseUrl).isEqualTo("http://127.0.0.1:" + simulator.port());
            assertThat(new SpotClient(baseUrl, Optional.of("token")).get("/setup/account").status()).isEqualTo(200);
        }

        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/stats")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, BodyHandlers.discarding()))
            .isInstanceOf(ConnectException.class);
    }

    @Test
    void closingOneSimulatorLeavesOthersInTheJvmRunning() {
        try (SpotSimulator survivor = SpotSimulator.start(0)) {
            SpotSimulator.start(0).close();

            assertThat(new SpotClient(survivor.baseUrl(), Optional.of("token")).get("/setup/account").status())
                .isEqualTo(200);
        }
    }

    @Test
    void simulatorsSideBySideKeepSeparateState() {
        try (SpotSimulator first = SpotSimulator.start(0); SpotSimulator second = SpotSimulator.start(0)) {
            new SpotClient(first.baseUrl(), Optional.of("token")).createUser("ada@example.com");

            assertThat(new SpotClient(second.baseUrl(), Optional.of("token")).get("/setup/organization/user").items())
                .isEmpty();
        }
    }

    @Test
    void resetForgetsOrganizationsFaultsAndStats() {
        try (SpotSimulator simulator = SpotSimulator.start(0)) {
            SpotClient spotApi = new SpotClient(simulator.baseUrl(), Optional.of("token"));
            SpotClient admin = new SpotClient(simulator.baseUrl(), Optional.empty());
            spotApi.createUser("ada@example.com");
            admin.post("/simulator/faults", Map.of("latencyMs", 10));

            simulator.reset();

            assertThat(admin.get("/simulator/stats").body().get("total").asLong()).isZero();
            assertThat(admin.get("/simulator/faults").body().get("latencyMs").asLong()).isZero();
            assertThat(spotApi.get("/setup/organization/user").items()).isEmpty();
        }
    }

    @Test
    void deletingStateOverHttpForgetsEveryOrganization() {
        try (SpotSimulator simulator = SpotSimulator.start(0)) {
            SpotClient spotApi = new SpotClient(simulator.baseUrl(), Optional.of("token"));
            spotApi.createUser("ada@example.com");

            assertThat(new SpotClient(simulator.baseUrl(), Optional.empty()).delete("/simulator/state").status())
                .isEqualTo(204);

            assertThat(spotApi.get("/setup/organization/user").items()).isEmpty();
        }
    }

}
