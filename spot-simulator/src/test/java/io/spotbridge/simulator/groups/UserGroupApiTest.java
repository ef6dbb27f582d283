package io.spotbridge.simulator.groups;

import java.util.List;
import java.util.Map;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserGroupApiTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-groups");

    @Test
    void groupCanBeCreatedReadUpdatedListedAndDeleted() {
        SpotResponse created = this.spotApi.post("/setup/access/userGroup",
                Map.of("userGroup", Map.of("name", "Admins", "description", "Org admins")));
        assertThat(created.status()).isEqualTo(200);
        String groupId = created.item().get("id").asString();
        assertThat(groupId).matches("ugr-[0-9a-f]{8}");
        assertThat(created.body().at("/response/kind").asString()).isEqualTo("spotinst:setup:access:userGroup");

        JsonNode read = this.spotApi.get("/setup/access/userGroup/" + groupId).item();
        assertThat(read.get("name").asString()).isEqualTo("Admins");
        assertThat(read.get("description").asString()).isEqualTo("Org admins");
        assertThat(read.get("usersCount").asInt()).isZero();

        SpotResponse updated = this.spotApi.put("/setup/access/userGroup/" + groupId,
                Map.of("userGroup", Map.of("description", "Organization administrators")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(this.spotApi.get("/setup/access/userGroup").items()).singleElement().satisfies((group) -> {
            assertThat(group.get("name").asString()).isEqualTo("Admins");
            assertThat(group.get("description").asString()).isEqualTo("Organization administrators");
        });

        SpotResponse deleted = this.spotApi.delete("/setup/access/userGroup/" + groupId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().at("/response").propertyNames()).containsExactly("status");
        assertThat(this.spotApi.get("/setup/access/userGroup/" + groupId).status()).isEqualTo(404);
        assertThat(this.spotApi.get("/setup/access/userGroup").items()).isEmpty();
    }

    @Test
    void createAcceptsABareBodyWithMembersAndPolicies() {
        String userId = this.spotApi.createUser("ada@example.com");

        SpotResponse created = this.spotApi.post("/setup/access/userGroup", Map.of("name", "Viewers", "userIds",
                List.of(userId), "policies", List.of(Map.of("policyId", "3", "accountIds", List.of("*")))));

        assertThat(created.status()).isEqualTo(200);
        JsonNode group = created.item();
        assertThat(group.get("name").asString()).isEqualTo("Viewers");
        assertThat(group.get("userIds").valueStream().map(JsonNode::asString)).containsExactly(userId);
        assertThat(group.get("usersCount").asInt()).isEqualTo(1);
        assertThat(group.get("policyNames").valueStream().map(JsonNode::asString)).containsExactly("Account Viewer");
    }

    @Test
    void duplicateGroupNameIsRejected() {
        this.spotApi.createGroup("Admins");

        SpotResponse duplicate = this.spotApi.post("/setup/access/userGroup", Map.of("userGroup", Map.of("name", "admins")));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("USER_GROUP_ALREADY_EXISTS");
        assertThat(duplicate.errorField()).isEqualTo("name");
    }

    @Test
    void renamingToATakenNameIsRejected() {
        this.spotApi.createGroup("Admins");
        String viewers = this.spotApi.createGroup("Viewers");

        SpotResponse rejected = this.spotApi.put("/setup/access/userGroup/" + viewers, Map.of("name", "Admins"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("USER_GROUP_ALREADY_EXISTS");
    }

    @Test
    void userMappingReplacesAllMembersAndShowsInTheUsers() {
        String ada = this.spotApi.createUser("ada@example.com");
        String grace = this.spotApi.createUser("grace@example.com");
        String groupId = this.spotApi.createGroup("Admins");
        this.spotApi.put("/setup/access/userGroup/" + groupId + "/userMapping", Map.of("userIds", List.of(ada)));

        SpotResponse mapped = this.spotApi.put("/setup/access/userGroup/" + groupId + "/userMapping",
                Map.of("userIds", List.of(grace)));

        assertThat(mapped.status()).isEqualTo(200);
        assertThat(mapped.body().at("/response").propertyNames()).containsExactly("status");
        JsonNode group = this.spotApi.get("/setup/access/userGroup/" + groupId).item();
        assertThat(group.get("userIds").valueStream().map(JsonNode::asString)).containsExactly(grace);
        assertThat(group.at("/users/0/userName").asString()).isEqualTo("grace@example.com");
        assertThat(this.spotApi.get("/setup/user/" + ada).item().get("groups")).isEmpty();
        assertThat(this.spotApi.get("/setup/user/" + grace).item().at("/groups/0/name").asString()).isEqualTo("Admins");
    }

    @Test
    void userMappingWithAnUnknownUserIsRejected() {
        String groupId = this.spotApi.createGroup("Admins");

        SpotResponse rejected = this.spotApi.put("/setup/access/userGroup/" + groupId + "/userMapping",
                Map.of("userIds", List.of("u-00000000")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("USER_DOESNT_EXIST");
        assertThat(rejected.errorField()).isEqualTo("userIds");
    }

    @Test
    void policyMappingReplacesAllPoliciesOfTheGroupAndShowsInItsMembers() {
        String userId = this.spotApi.createUser("ada@example.com");
        String groupId = this.spotApi.createGroup("Admins");
        this.spotApi.put("/setup/access/userGroup/" + groupId + "/userMapping", Map.of("userIds", List.of(userId)));
        this.spotApi.put("/setup/access/userGroup/" + groupId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", "3", "accountIds", List.of("*")))));

        SpotResponse mapped = this.spotApi.put("/setup/access/userGroup/" + groupId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", "0", "accountIds", List.of()))));

        assertThat(mapped.status()).isEqualTo(200);
        JsonNode group = this.spotApi.get("/setup/access/userGroup/" + groupId).item();
        assertThat(group.get("policies")).singleElement().satisfies((policy) -> {
            assertThat(policy.get("policyId").asString()).isEqualTo("0");
            assertThat(policy.get("policyName").asString()).isEqualTo("Organization Admin");
            assertThat(policy.get("policyType").asString()).isEqualTo("ORGANIZATION");
        });
        JsonNode userGroups = this.spotApi.get("/setup/user/" + userId).item().get("groups");
        assertThat(userGroups.at("/0/policyNames").valueStream().map(JsonNode::asString))
            .containsExactly("Organization Admin");
    }

    @Test
    void policyMappingWithAnUnknownPolicyIsRejected() {
        String groupId = this.spotApi.createGroup("Admins");

        SpotResponse rejected = this.spotApi.put("/setup/access/userGroup/" + groupId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", "42", "accountIds", List.of("*")))));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("POLICY_DOESNT_EXIST");
    }

    @Test
    void deletingAUserRemovesItFromItsGroups() {
        String ada = this.spotApi.createUser("ada@example.com");
        String grace = this.spotApi.createUser("grace@example.com");
        String groupId = this.spotApi.createGroup("Admins");
        this.spotApi.put("/setup/access/userGroup/" + groupId + "/userMapping", Map.of("userIds", List.of(ada, grace)));

        this.spotApi.delete("/setup/user/" + ada);

        JsonNode group = this.spotApi.get("/setup/access/userGroup/" + groupId).item();
        assertThat(group.get("userIds").valueStream().map(JsonNode::asString)).containsExactly(grace);
        assertThat(group.get("usersCount").asInt()).isEqualTo(1);
    }

    @Test
    void unknownGroupIsNotFound() {
        for (SpotResponse response : List.of(this.spotApi.get("/setup/access/userGroup/ugr-00000000"),
                this.spotApi.put("/setup/access/userGroup/ugr-00000000", Map.of("name", "X")),
                this.spotApi.delete("/setup/access/userGroup/ugr-00000000"),
                this.spotApi.put("/setup/access/userGroup/ugr-00000000/userMapping", Map.of("userIds", List.of())),
                this.spotApi.put("/setup/access/userGroup/ugr-00000000/policyMapping", Map.of("policies", List.of())))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("USER_GROUP_DOESNT_EXIST");
        }
    }

    @Test
    void groupWithoutANameIsRejected() {
        SpotResponse rejected = this.spotApi.post("/setup/access/userGroup", Map.of("userGroup", Map.of("description", "x")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorField()).isEqualTo("name");
    }

}
