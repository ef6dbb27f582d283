package io.spotbridge.simulator.organization;

import java.util.List;
import java.util.Map;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/** The built-in and custom access policies of one organization. */
public final class OrganizationPolicies {

    private final Directory directory;

    OrganizationPolicies(Directory directory) {
        this.directory = directory;
    }

    public List<Policy> list() {
        synchronized (this.directory) {
            return List.copyOf(this.directory.policies.values());
        }
    }

    /** Creates a custom policy, of type ACCOUNT unless the draft says otherwise. @throws SpotApiException 400 without a name */
    public Policy create(PolicyDraft draft) {
        String name = draft.name().filter((value) -> !value.isBlank()).orElseThrow(
                () -> SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "name is required", "name"));
        synchronized (this.directory) {
            Policy policy = new Policy(this.directory.newId("pol-", this.directory.policies), name,
                    draft.description().orElse(""), draft.type().orElse(PolicyType.ACCOUNT),
                    draft.policyContent().orElse(Map.of("statements", List.of())), this.directory.now(),
                    this.directory.now(), false);
            this.directory.policies.put(policy.id(), policy);
            return policy;
        }
    }

    /** @throws SpotApiException 404 for an unknown policy, 400 for a built-in one */
    public Policy update(String policyId, PolicyDraft draft) {
        synchronized (this.directory) {
            Policy current = requireCustom(policyId);
            Policy updated = new Policy(policyId, draft.name().orElse(current.name()),
                    draft.description().orElse(current.description()), draft.type().orElse(current.type()),
                    draft.policyContent().orElse(current.policyContent()), current.createdAt(), this.directory.now(),
                    false);
            this.directory.policies.put(policyId, updated);
            return updated;
        }
    }

    /** Deletes the policy and every grant of it. @throws SpotApiException 404 for an unknown policy, 400 for a built-in one */
    public void delete(String policyId) {
        synchronized (this.directory) {
            requireCustom(policyId);
            this.directory.policies.remove(policyId);
            this.directory.users.replaceAll((id, user) -> user.withPolicies(
                    user.policies().stream().filter((grant) -> !grant.policyId().equals(policyId)).toList()));
            this.directory.groups.replaceAll((id, group) -> group.withoutPolicy(policyId, this.directory.now()));
        }
    }

    private Policy requireCustom(String policyId) {
        Policy policy = this.directory.policies.get(policyId);
        if (policy == null) {
            throw SpotApiException.notFound(ErrorCodes.POLICY_DOESNT_EXIST, "Policy " + policyId + " does not exist");
        }
        if (policy.builtIn()) {
            throw SpotApiException.badRequest(ErrorCodes.POLICY_IS_BUILT_IN,
                    "Built-in policy " + policyId + " cannot be changed", "policyId");
        }
        return policy;
    }

}
