package io.spotbridge.simulator.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndIsolationTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    @Test
    void requestWithoutATokenIsUnauthorized() {
        SpotResponse response = spot.anonymous().get("/setup/organization/user");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().at("/response/status/code").asInt()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(response.body().at("/request/url").asString()).isEqualTo("/setup/organization/user");
    }

    @Test
    void requestWithANonBearerOrEmptyTokenIsUnauthorized() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String authorization : new String[] { "Basic YTpi", "Bearer ", "token-a" }) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(spot.simulator().baseUrl() + "/setup/account"))
                .header("Authorization", authorization)
                .build();
            assertThat(http.send(request, BodyHandlers.discarding()).statusCode()).as(authorization).isEqualTo(401);
        }
    }

    @Test
    void eachTokenIsItsOwnOrganization() {
        SpotClient first = spot.as("token-a");
        SpotClient second = spot.as("token-b");
        String userId = first.createUser("ada@example.com");
        first.createGroup("Admins");

        SpotResponse secondsCopy = second.post("/setup/user",
                Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace"));

        assertThat(secondsCopy.status()).as("the same email is free in another organization").isEqualTo(200);
        assertThat(secondsCopy.item().get("organizationId").asLong()).isNotEqualTo(organizationId(first));
        assertThat(second.get("/setup/user/" + userId).status()).isEqualTo(404);
        assertThat(second.get("/setup/organization/user").items()).hasSize(1);
        assertThat(second.get("/setup/access/userGroup").items()).isEmpty();
        assertThat(second.accountIds()).doesNotContainAnyElementsOf(first.accountIds());
        assertThat(spot.as("token-a").get("/setup/organization/user").items()).hasSize(1);
    }

    @Test
    void unknownSpotRouteIsANotFoundEnvelope() {
        SpotResponse response = spot.as("token-a").get("/setup/nothing/here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().at("/response/status/code").asInt()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void simulatorRoutesNeedNoToken() {
        assertThat(spot.anonymous().get("/simulator/faults").status()).isEqualTo(200);
        assertThat(spot.anonymous().get("/simulator/stats").status()).isEqualTo(200);
    }

    private static long organizationId(SpotClient client) {
        return client.get("/setup/account").items().get(0).get("organizationId").asLong();
    }

}
