package io.spotbridge.simulator.users;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-users");

    @Test
    void createdUserIsAnsweredInSpotsEnvelope() {
        SpotResponse created = this.spotApi.post("/setup/user?generateToken=false",
                user("ada@example.com", "Ada", "Lovelace"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().at("/request/method").asString()).isEqualTo("POST");
        assertThat(created.body().at("/request/url").asString()).isEqualTo("/setup/user?generateToken=false");
        assertThat(created.body().at("/request/id").asString()).isNotBlank();
        assertThat(created.body().at("/request/timestamp").asString()).isNotBlank();
        assertThat(created.body().at("/response/status/code").asInt()).isEqualTo(200);
        assertThat(created.body().at("/response/status/message").asString()).isEqualTo("OK");
        assertThat(created.body().at("/response/kind").asString()).isEqualTo("spotinst:setup:user");
        assertThat(created.body().at("/response/count").asInt()).isEqualTo(1);
        JsonNode user = created.item();
        assertThat(user.get("id").isInt()).isTrue();
        assertThat(user.get("userId").asString()).matches("u-[0-9a-f]{8}");
        assertThat(user.get("firstName").asString()).isEqualTo("Ada");
        assertThat(user.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(user.get("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(user.get("organizationId").isIntegralNumber()).isTrue();
    }

    @Test
    void createdUserCanBeReadWithItsAccessDetails() {
        String userId = this.spotApi.createUser("grace@example.com");

        SpotResponse read = this.spotApi.get("/setup/user/" + userId);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/response/kind").asString()).isEqualTo("spotinst:setup:access:user");
        JsonNode user = read.item();
        assertThat(user.get("userId").asString()).isEqualTo(userId);
        assertThat(user.get("username").asString()).isEqualTo("grace@example.com");
        assertThat(user.get("email").asString()).isEqualTo("grace@example.com");
        assertThat(user.get("type").asString()).isEqualTo("personal");
        assertThat(user.get("mfa").asBoolean()).isFalse();
        assertThat(user.get("groups").isArray()).isTrue();
        assertThat(user.get("policies").isEmpty()).isTrue();
        assertThat(user.get("tokens").isEmpty()).isTrue();
    }

    @Test
    void organizationUsersAreListedWithTheirGroupNames() {
        String ada = this.spotApi.createUser("ada@example.com");
        this.spotApi.createUser("grace@example.com");
        String admins = this.spotApi.createGroup("Admins");
        this.spotApi.put("/setup/user/" + ada + "/userGroupMapping", Map.of("userGroupIds", List.of(admins)));

        SpotResponse list = this.spotApi.get("/setup/organization/user");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().at("/response/count").asInt()).isEqualTo(2);
        assertThat(list.items()).extracting((user) -> user.get("email").asString())
            .containsExactly("ada@example.com", "grace@example.com");
        JsonNode first = list.items().get(0);
        assertThat(first.get("userId").asString()).isEqualTo(ada);
        assertThat(first.get("username").asString()).isEqualTo("ada@example.com");
        assertThat(first.get("type").asString()).isEqualTo("personal");
        assertThat(first.get("mfa").asBoolean()).isFalse();
        assertThat(first.get("groupNames").valueStream().map(JsonNode::asString)).containsExactly("Admins");
        assertThat(list.items().get(1).get("groupNames").isEmpty()).isTrue();
    }

    @Test
    void deletedUserIsGone() {
        String userId = this.spotApi.createUser("ada@example.com");

        SpotResponse deleted = this.spotApi.delete("/setup/user/" + userId);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().at("/response/status/code").asInt()).isEqualTo(200);
        assertThat(deleted.body().at("/response").propertyNames()).containsExactly("status");
        assertThat(this.spotApi.get("/setup/user/" + userId).status()).isEqualTo(404);
        assertThat(this.spotApi.get("/setup/organization/user").items()).isEmpty();
    }

    @Test
    void duplicateEmailIsRejectedIgnoringCase() {
        this.spotApi.createUser("ada@example.com");

        SpotResponse duplicate = this.spotApi.post("/setup/user", user("ADA@Example.com", "Ada", "Byron"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().at("/response/status/code").asInt()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("USER_ALREADY_EXISTS");
        assertThat(duplicate.errorField()).isEqualTo("email");
        assertThat(this.spotApi.get("/setup/organization/user").items()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "firstName, Ada+1", "firstName, Ada=", "firstName, Ada@Home", "lastName, Love+lace",
            "lastName, Love=lace", "lastName, @Lovelace" })
    void namesWithPlusEqualsOrAtAreRejected(String field, String value) {
        Map<String, Object> body = new HashMap<>(user("ada@example.com", "Ada", "Lovelace"));
        body.put(field, value);

        SpotResponse rejected = this.spotApi.post("/setup/user", body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(rejected.errorField()).isEqualTo(field);
    }

    @Test
    void missingEmailIsRejected() {
        SpotResponse rejected = this.spotApi.post("/setup/user", Map.of("firstName", "Ada", "lastName", "Lovelace"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorField()).isEqualTo("email");
    }

    @Test
    void unknownUserIsNotFound() {
        for (SpotResponse response : List.of(this.spotApi.get("/setup/user/u-00000000"),
                this.spotApi.delete("/setup/user/u-00000000"),
                this.spotApi.put("/setup/user/u-00000000/policyMapping", Map.of("policies", List.of())),
                this.spotApi.put("/setup/user/u-00000000/userGroupMapping", Map.of("userGroupIds", List.of())))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body().at("/response/status/code").asInt()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("USER_DOESNT_EXIST");
        }
    }

    @Test
    void policyMappingReplacesAllPoliciesAndShowsInTheUser() {
        String userId = this.spotApi.createUser("ada@example.com");
        String account = this.spotApi.accountIds().get(0);
        this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(grant("0", List.of()), grant("3", List.of("*")))));

        SpotResponse mapped = this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(grant("3", List.of(account)))));

        assertThat(mapped.status()).isEqualTo(200);
        assertThat(mapped.body().at("/response").propertyNames()).containsExactly("status");
        List<JsonNode> policies = this.spotApi.get("/setup/user/" + userId).item().get("policies").valueStream().toList();
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).get("policyId").asString()).isEqualTo("3");
        assertThat(policies.get(0).get("policyName").asString()).isEqualTo("Account Viewer");
        assertThat(policies.get(0).get("policyType").asString()).isEqualTo("ACCOUNT");
        assertThat(policies.get(0).get("accountIds").valueStream().map(JsonNode::asString)).containsExactly(account);
    }

    @Test
    void policyMappingWithAnUnknownPolicyIsRejectedAndChangesNothing() {
        String userId = this.spotApi.createUser("ada@example.com");
        this.spotApi.put("/setup/user/" + userId + "/policyMapping", Map.of("policies", List.of(grant("3", List.of("*")))));

        SpotResponse rejected = this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(grant("pol-deadbeef", List.of("*")))));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("POLICY_DOESNT_EXIST");
        assertThat(this.spotApi.get("/setup/user/" + userId).item().get("policies")).hasSize(1);
    }

    @Test
    void aGrantWithoutAccountIdsGrantsThePolicyOnNoAccount() {
        String userId = this.spotApi.createUser("ada@example.com");

        SpotResponse mapped = this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", "3"))));

        assertThat(mapped.status()).isEqualTo(200);
        List<JsonNode> policies = this.spotApi.get("/setup/user/" + userId).item().get("policies").valueStream().toList();
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).get("accountIds")).isEmpty();
    }

    @Test
    void policyMappingWithAnUnknownAccountIsRejected() {
        String userId = this.spotApi.createUser("ada@example.com");

        SpotResponse rejected = this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(grant("3", List.of("act-00000000")))));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("Account_DOESNT_EXIST");
        assertThat(rejected.errorField()).isEqualTo("accountIds");
    }

    @Test
    void userGroupMappingMakesTheUserAMemberOfExactlyTheGivenGroups() {
        String userId = this.spotApi.createUser("ada@example.com");
        String admins = this.spotApi.createGroup("Admins");
        String viewers = this.spotApi.createGroup("Viewers");
        this.spotApi.put("/setup/user/" + userId + "/userGroupMapping", Map.of("userGroupIds", List.of(admins, viewers)));

        SpotResponse mapped = this.spotApi.put("/setup/user/" + userId + "/userGroupMapping",
                Map.of("userGroupIds", List.of(viewers)));

        assertThat(mapped.status()).isEqualTo(200);
        assertThat(this.spotApi.get("/setup/user/" + userId).item().get("groups").valueStream().map((g) -> g.get("id").asString()))
            .containsExactly(viewers);
        assertThat(this.spotApi.get("/setup/access/userGroup/" + admins).item().get("userIds")).isEmpty();
    }

    @Test
    void userGroupMappingWithAnUnknownGroupIsRejected() {
        String userId = this.spotApi.createUser("ada@example.com");

        SpotResponse rejected = this.spotApi.put("/setup/user/" + userId + "/userGroupMapping",
                Map.of("userGroupIds", List.of("ugr-00000000")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("USER_GROUP_DOESNT_EXIST");
    }

    @Test
    void malformedBodiesAreBadRequestsNotServerErrors() {
        String userId = this.spotApi.createUser("ada@example.com");

        List<SpotResponse> responses = List.of(this.spotApi.sendRaw("POST", "/setup/user", "{\"email\":"),
                this.spotApi.sendRaw("POST", "/setup/user", ""), this.spotApi.sendRaw("POST", "/setup/user", "[1,2]"),
                this.spotApi.sendRaw("PUT", "/setup/user/" + userId + "/policyMapping", "{\"policies\":\"all\"}"),
                this.spotApi.sendRaw("PUT", "/setup/user/" + userId + "/policyMapping", "{}"),
                this.spotApi.sendRaw("PUT", "/setup/user/" + userId + "/userGroupMapping", "not json"));

        assertThat(responses).allSatisfy((response) -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().at("/response/status/code").asInt()).isEqualTo(400);
            assertThat(response.errorCode()).isNotBlank();
        });
    }

    @Test
    void concurrentCreatesOfOneEmailCreateOneUser() {
        List<CompletableFuture<SpotResponse>> attempts = IntStream.range(0, 16)
            .mapToObj((i) -> CompletableFuture.supplyAsync(
                    () -> this.spotApi.post("/setup/user", user("race@example.com", "Ada", "Lovelace"))))
            .toList();

        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(SpotResponse::status).toList();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
        assertThat(this.spotApi.get("/setup/organization/user").items()).hasSize(1);
    }

    @Test
    void anEmailIsFreeAgainOnceItsUserIsDeleted() {
        String first = this.spotApi.createUser("again@example.com");
        assertThat(this.spotApi.delete("/setup/user/" + first).status()).isEqualTo(200);

        String second = this.spotApi.createUser("Again@Example.com");

        assertThat(second).isNotEqualTo(first);
        assertThat(this.spotApi.post("/setup/user", user("again@example.com", "Ada", "Byron")).errorCode())
            .isEqualTo("USER_ALREADY_EXISTS");
    }

    @Test
    void theSimulatorListsCreatedUsersIncrementallyOutsideTheSpotApi() {
        String ada = this.spotApi.createUser("ada@example.com");
        String bob = this.spotApi.createUser("bob@example.com");
        SpotClient admin = spot.anonymous();

        SpotResponse all = admin.get("/simulator/users?token=token-users");
        SpotResponse after = admin.get("/simulator/users?token=token-users&after=1");
        SpotResponse none = admin.get("/simulator/users?token=token-users&after=2");

        assertThat(all.status()).isEqualTo(200);
        assertThat(userIds(all))
            .containsExactly(ada, bob);
        assertThat(all.body().path("users").get(0).get("email").asString()).isEqualTo("ada@example.com");
        assertThat(all.body().path("users").get(0).get("createdAt").asLong()).isPositive();
        assertThat(all.body().path("next").asInt()).isEqualTo(2);
        assertThat(userIds(after))
            .containsExactly(bob);
        assertThat(none.body().path("users").isEmpty()).isTrue();
        assertThat(none.body().path("next").asInt()).isEqualTo(2);
        assertThat(this.spotApi.get("/simulator/stats").body().path("requests").has("GET /simulator/users")).isFalse();
    }

    private static List<String> userIds(SpotResponse page) {
        List<String> ids = new java.util.ArrayList<>();
        page.body().path("users").forEach((user) -> ids.add(user.get("userId").asString()));
        return ids;
    }

    static Map<String, Object> user(String email, String firstName, String lastName) {
        return Map.of("email", email, "firstName", firstName, "lastName", lastName, "password", "Secret-123", "role",
                "viewer");
    }

    static Map<String, Object> grant(String policyId, List<String> accountIds) {
        return Map.of("policyId", policyId, "accountIds", accountIds);
    }

}
