package io.spotbridge.simulator.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.spotbridge.simulator.organization.PolicyGrant;
import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.JsonBodies;
import io.spotbridge.simulator.wire.SpotApiException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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

    /**
     * A {@link JsonBodies.StreamReader}: {@code {"policies":[{"policyId":"3","accountIds":["*"]}, ...]}}, every
     * {@code policyId} a string or null and every {@code accountIds} a list of strings or null, each field once.
     */
    public static PolicyMappingBody read(JsonParser parser) {
        JsonBodies.expect(parser, JsonToken.START_OBJECT);
        if (!"policies".equals(parser.nextName())) {
            throw JsonBodies.unusual();
        }
        JsonBodies.expect(parser, JsonToken.START_ARRAY);
        List<Grant> grants = new ArrayList<>(2);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            grants.add(Grant.read(parser));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw JsonBodies.unusual();
        }
        JsonBodies.expect(parser, JsonToken.END_OBJECT);
        return new PolicyMappingBody(grants);
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
            if (accounts.stream().anyMatch(java.util.Objects::isNull)) {
                throw SpotApiException.badRequest(ErrorCodes.ACCOUNT_DOESNT_EXIST, "Account null does not exist",
                        "accountIds");
            }
            return new PolicyGrant(this.policyId, accounts);
        }

        /** The rest of a grant object whose START_OBJECT the parser is at. */
        static Grant read(JsonParser parser) {
            String policyId = null;
            List<String> accountIds = null;
            boolean policySeen = false;
            boolean accountsSeen = false;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                if ("policyId".equals(name) && !policySeen) {
                    policySeen = true;
                    policyId = JsonBodies.stringOrNull(parser);
                }
                else if ("accountIds".equals(name) && !accountsSeen) {
                    accountsSeen = true;
                    accountIds = accountIds(parser);
                }
                else {
                    throw JsonBodies.unusual();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw JsonBodies.unusual();
            }
            return new Grant(policyId, accountIds);
        }

        private static List<String> accountIds(JsonParser parser) {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw JsonBodies.unusual();
            }
            List<String> accountIds = new ArrayList<>(2);
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                accountIds.add(parser.getString());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw JsonBodies.unusual();
            }
            return accountIds;
        }

    }

}
