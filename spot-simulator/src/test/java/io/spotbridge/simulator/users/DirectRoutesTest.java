package io.spotbridge.simulator.users;

import java.util.List;
import java.util.Map;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import io.spotbridge.simulator.policies.PolicyMappingBody;
import io.spotbridge.simulator.wire.JsonBodies;
import io.spotbridge.simulator.wire.SpotApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The per-user calls served on Reactor Netty ({@link UserDirectRoutes}) and by WebFlux ({@link UserRoutes}) answer
 * alike, and their bodies read by the streaming parser bind as data binding binds them.
 */
class DirectRoutesTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-direct");

    private final JsonBodies bodies = new JsonBodies(JsonMapper.builder().build());

    @Test
    void targetsThatAreNotPlainAreServedByTheWebFluxRoutesAlike() {
        String userId = this.spotApi.createUser("ada@example.com");
        // %75 is "u": Spring decodes the path variable, the direct route leaves such targets to it
        String encoded = "%75" + userId.substring(1);

        SpotResponse mapped = this.spotApi.put("/setup/user/" + encoded + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", "3", "accountIds", List.of("*")))));
        SpotResponse created = this.spotApi.post("/setup/user?generateToken=%66alse",
                Map.of("email", "grace@example.com", "firstName", "Grace", "lastName", "Hopper"));

        assertThat(mapped.status()).isEqualTo(200);
        assertThat(mapped.body().at("/request/url").asString()).isEqualTo("/setup/user/" + encoded + "/policyMapping");
        assertThat(this.spotApi.get("/setup/user/" + userId).item().at("/policies/0/policyId").asString()).isEqualTo("3");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().at("/request/url").asString()).isEqualTo("/setup/user?generateToken=%66alse");
        assertThat(spot.anonymous().get("/simulator/stats").body().at("/requests/POST ~1setup~1user/200").asInt()).isEqualTo(2);
    }

    @Test
    void pollsOfAnyFormAnswerAlike() {
        this.spotApi.createUser("ada@example.com");
        this.spotApi.createUser("grace@example.com");
        SpotClient admin = spot.anonymous();

        // served directly: the first two and the last; by WebFlux: the encoded one and the one with another parameter
        List<String> pages = List.of("token=token-direct&after=1", "after=1&token=token-direct",
                "token=token%2Ddirect&after=1", "token=token-direct&after=1&more=", "token=token-direct&after=01")
            .stream()
            .map((query) -> admin.get("/simulator/users?" + query).body().toString())
            .toList();

        assertThat(pages).hasSize(5).containsOnly(pages.get(0));
        assertThat(pages.get(0)).contains("grace@example.com").doesNotContain("ada@example.com").contains("\"next\":2");
        assertThat(admin.get("/simulator/users?token=token-direct").body().at("/next").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"email\":\"a@b.com\",\"firstName\":\"A\",\"lastName\":\"B\",\"password\":\"p\",\"role\":\"viewer\"}",
            "{\"email\":\"a@b.com\"}", "{\"email\":null,\"firstName\":\"A\"}", "{}", "{\"email\":5}",
            "{\"email\":\"a@b.com\",\"email\":\"c@d.com\"}", "{\"email\":\"a@b.com\",\"other\":{\"x\":[1]}}",
            "{\"email\":{}}", "{\"email\":\"a@b.com\"} x", "[1]", "{\"email\":", "", "  " })
    void userBodiesBindAsDataBindingBindsThem(String json) {
        assertThat(outcome(() -> this.bodies.read(json.getBytes(), CreateUserBody.class, CreateUserBody::read)))
            .isEqualTo(outcome(() -> this.bodies.read(json.getBytes(), CreateUserBody.class, (parser) -> null)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"policies\":[{\"policyId\":\"3\",\"accountIds\":[\"*\"]}]}",
            "{\"policies\":[{\"policyId\":\"3\",\"accountIds\":[\"act-1\",\"act-2\"]},{\"policyId\":\"0\"}]}",
            "{\"policies\":[]}", "{\"policies\":null}", "{}", "{\"policies\":[{\"policyId\":3,\"accountIds\":\"*\"}]}",
            "{\"policies\":[{\"policyId\":\"3\",\"accountIds\":[null]}]}", "{\"policies\":[{\"accountIds\":null}]}",
            "{\"policies\":[{\"policyId\":\"3\",\"policyId\":\"4\"}]}", "{\"policies\":[],\"policies\":[]}",
            "{\"policies\":[1]}", "{\"policies\":[]} []", "garbage" })
    void policyMappingBodiesBindAsDataBindingBindsThem(String json) {
        assertThat(outcome(() -> this.bodies.read(json.getBytes(), PolicyMappingBody.class, PolicyMappingBody::read)))
            .isEqualTo(outcome(() -> this.bodies.read(json.getBytes(), PolicyMappingBody.class, (parser) -> null)));
    }

    /** The value read, or the error's status and messages. */
    private static Object outcome(java.util.function.Supplier<?> read) {
        Throwable error = catchThrowable(read::get);
        if (error instanceof SpotApiException spot) {
            return spot.status() + " " + spot.errors();
        }
        assertThat(error).isNull();
        return read.get();
    }

}
