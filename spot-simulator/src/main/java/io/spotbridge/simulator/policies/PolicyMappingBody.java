package io.spotbridge.simulator.policies;

import java.util.List;
import java.util.Optional;

import io.spotbridge.simulator.organization.PolicyGrant;
import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/** The body of a policy-mapping PUT: {@code {"policies":[{"policyId":"3","accountIds":["*"]}]}}. */
public record PolicyMappingBody(List<Grant> policies) {

    /** The grants; a missing {@code accountIds} is an empty list. @throws SpotApiException 400 without {@code policies} */
    public List<PolicyGrant> grants() {
        if (this.policies == null) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "policies is required", "policies");
        }
        return toGrants(this.policies);
    }

    /** Grants of an optional {@code policies} field, as in a user group body. */
    public static Optional<List<PolicyGrant>> grantsOf(List<Grant> policies) {
        return Optional.ofNullable(policies).map(PolicyMappingBody::toGrants);
    }

    private static List<PolicyGrant> toGrants(List<Grant> policies) {
        return policies.stream().map(Grant::toGrant).toList();
    }

    public record Grant(String policyId, List<String> accountIds) {

        PolicyGrant toGrant() {
            if (this.policyId == null || this.policyId.isBlank()) {
                throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "policyId is required", "policyId");
            }
            List<String> accounts = (this.accountIds != null) ? this.accountIds : List.of();
            if (accounts.contains(null)) {
                throw SpotApiException.badRequest(ErrorCodes.ACCOUNT_DOESNT_EXIST, "Account null does not exist",
                        "accountIds");
            }
            return new PolicyGrant(this.policyId, accounts);
        }

    }

}
