package io.spotbridge.simulator.organization;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in policies every organization starts with. Spot's own ids: "3" is Account Viewer (Terraform hard-codes
 * it); the organization admin policy id is unpublished, so the simulator uses {@value #ORGANIZATION_ADMIN_ID}.
 */
public final class BuiltInPolicies {

    public static final String ORGANIZATION_ADMIN_ID = "0";

    public static final String ORGANIZATION_ADMIN_NAME = "Organization Admin";

    public static final String ACCOUNT_VIEWER_ID = "3";

    public static final String ACCOUNT_VIEWER_NAME = "Account Viewer";

    private BuiltInPolicies() {
    }

    static List<Policy> all(Instant createdAt) {
        return List.of(
                builtIn(ORGANIZATION_ADMIN_ID, ORGANIZATION_ADMIN_NAME, "Full access to the organization and all its accounts",
                        PolicyType.ORGANIZATION, statement("ALLOW", "*"), createdAt),
                builtIn(ACCOUNT_VIEWER_ID, ACCOUNT_VIEWER_NAME, "Read-only access to the account", PolicyType.ACCOUNT,
                        statement("ALLOW", "*:get*", "*:list*", "*:describe*"), createdAt));
    }

    private static Policy builtIn(String id, String name, String description, PolicyType type,
            Map<String, Object> content, Instant createdAt) {
        return new Policy(id, name, description, type, content, createdAt, createdAt, true);
    }

    private static Map<String, Object> statement(String effect, String... actions) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("effect", effect);
        statement.put("actions", List.of(actions));
        statement.put("resources", List.of("*"));
        return Map.of("statements", List.of(Collections.unmodifiableMap(statement)));
    }

}
