package io.spotbridge.simulator.policies;

import java.util.List;
import java.util.Map;

import io.spotbridge.simulator.SimulatorExtension;
import io.spotbridge.simulator.SpotClient;
import io.spotbridge.simulator.SpotResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyAndAccountApiTest {

    @RegisterExtension
    static final SimulatorExtension spot = new SimulatorExtension();

    private final SpotClient spotApi = spot.as("token-policies");

    @Test
    void everyOrganizationStartsWithTheOrganizationAdminAndAccountViewerPolicies() {
        SpotResponse policies = this.spotApi.get("/setup/organization/policy");

        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.items()).extracting((policy) -> policy.get("id").asString() + " "
                + policy.get("name").asString() + " " + policy.get("type").asString())
            .containsExactly("0 Organization Admin ORGANIZATION", "3 Account Viewer ACCOUNT");
        assertThat(policies.items()).allSatisfy((policy) -> {
            assertThat(policy.get("policyContent").has("statements")).isTrue();
            assertThat(policy.get("createdAt").asString()).isNotBlank();
            assertThat(policy.get("updatedAt").asString()).isNotBlank();
        });
    }

    @Test
    void customPolicyCanBeCreatedListedAndGranted() {
        Map<String, Object> content = Map.of("statements",
                List.of(Map.of("effect", "ALLOW", "actions", List.of("ocean:*"), "resources", List.of("*"))));

        SpotResponse created = this.spotApi.post("/setup/access/policy",
                Map.of("policy", Map.of("name", "Ocean Operator", "description", "Runs Ocean", "policyContent", content)));

        assertThat(created.status()).isEqualTo(200);
        String policyId = created.item().get("id").asString();
        assertThat(policyId).matches("pol-[0-9a-f]{8}");
        assertThat(this.spotApi.get("/setup/organization/policy").items()).anySatisfy((policy) -> {
            assertThat(policy.get("id").asString()).isEqualTo(policyId);
            assertThat(policy.get("type").asString()).isEqualTo("ACCOUNT");
            assertThat(policy.at("/policyContent/statements/0/actions/0").asString()).isEqualTo("ocean:*");
        });
        String userId = this.spotApi.createUser("ada@example.com");
        assertThat(this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", policyId, "accountIds", List.of("*"))))).status())
            .isEqualTo(200);
    }

    @Test
    void deletingACustomPolicyRemovesItsGrants() {
        String policyId = this.spotApi.post("/setup/access/policy", Map.of("name", "Temporary")).item().get("id").asString();
        String userId = this.spotApi.createUser("ada@example.com");
        this.spotApi.put("/setup/user/" + userId + "/policyMapping",
                Map.of("policies", List.of(Map.of("policyId", policyId, "accountIds", List.of("*")))));

        SpotResponse deleted = this.spotApi.delete("/setup/access/policy/" + policyId);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(this.spotApi.get("/setup/user/" + userId).item().get("policies")).isEmpty();
    }

    @Test
    void builtInPoliciesCannotBeChanged() {
        assertThat(this.spotApi.delete("/setup/access/policy/3").status()).isEqualTo(400);
        assertThat(this.spotApi.put("/setup/access/policy/0", Map.of("name", "Mine")).status()).isEqualTo(400);
        assertThat(this.spotApi.delete("/setup/access/policy/pol-00000000").status()).isEqualTo(404);
    }

    @Test
    void everyOrganizationHasSeededAccounts() {
        long organizationId = this.spotApi.post("/setup/user", Map.of("email", "ada@example.com", "firstName", "Ada",
                "lastName", "Lovelace")).item().get("organizationId").asLong();

        SpotResponse accounts = this.spotApi.get("/setup/account");

        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.body().at("/response/kind").asString()).isEqualTo("spotinst:setup:account");
        assertThat(accounts.items()).hasSizeGreaterThanOrEqualTo(2).allSatisfy((account) -> {
            assertThat(account.get("accountId").asString()).matches("act-[0-9a-f]{8}");
            assertThat(account.get("organizationId").asLong()).isEqualTo(organizationId);
            assertThat(account.get("name").asString()).isNotBlank();
            assertThat(account.get("providerExternalId").asString()).isNotBlank();
            assertThat(account.get("createdAt").asString()).isNotBlank();
        });
        assertThat(accounts.items().stream().map((JsonNode account) -> account.get("accountId").asString()).distinct())
            .hasSize(accounts.items().size());
    }

}
