package io.spotbridge.simulator.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.spotbridge.simulator.MutableClock;
import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    private static final MutableClock clock = new MutableClock();

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension(clock);

    private final SpotClient spotApi = spot.as("token-rate");

    @Test
    void everyResponseCarriesTheRateLimitHeaders() {
        for (SpotResponse response : new SpotResponse[] { this.spotApi.get("/setup/account"),
                this.spotApi.get("/setup/user/u-00000000"), this.spotApi.post("/setup/user", Map.of()),
                spot.anonymous().get("/setup/account") }) {
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100000");
            assertThat(Integer.parseInt(response.header("X-RateLimit-Remaining"))).isBetween(0, 100000);
            assertThat(Integer.parseInt(response.header("X-RateLimit-Reset"))).isBetween(1, 60);
        }
    }

    @Test
    void requestsBeyondTheLimitAreRefusedWith429UntilTheWindowResets() {
        limitTo(2);
        SpotResponse first = this.spotApi.get("/setup/account");
        clock.advance(Duration.ofSeconds(15));
        SpotResponse second = this.spotApi.get("/setup/account");

        SpotResponse refused = this.spotApi.get("/setup/account");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(first.header("X-RateLimit-Reset")).isEqualTo("60");
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().at("/response/status/code").asInt()).isEqualTo(429);
        assertThat(refused.body().at("/response/data").asString()).isEqualTo("Rate limit exceeded");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo("45");

        clock.advance(Duration.ofSeconds(45));
        SpotResponse afterReset = this.spotApi.get("/setup/account");

        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(afterReset.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(afterReset.header("X-RateLimit-Reset")).isEqualTo("60");
    }

    @Test
    void limitIsPerOrganizationRouteAndMethod() {
        limitTo(1);
        String userId = this.spotApi.createUser("ada@example.com");
        assertThat(this.spotApi.get("/setup/user/" + userId).status()).isEqualTo(200);

        assertThat(this.spotApi.get("/setup/user/" + userId).status()).as("same route template").isEqualTo(429);
        assertThat(this.spotApi.get("/setup/user/u-00000000").status()).as("same template, other id").isEqualTo(429);
        assertThat(this.spotApi.delete("/setup/user/" + userId).status()).as("other method").isEqualTo(200);
        assertThat(this.spotApi.get("/setup/organization/user").status()).as("other route").isEqualTo(200);
        assertThat(spot.as("token-other").get("/setup/account").status()).as("other organization").isEqualTo(200);
    }

    private static void limitTo(int perMinute) {
        assertThat(spot.anonymous().post("/simulator/faults", Map.of("rateLimitPerMinute", perMinute)).status())
            .isEqualTo(200);
    }

}
