package io.spotbridge.simulator.users;

import io.spotbridge.simulator.gateway.DirectCalls;
import io.spotbridge.simulator.policies.PolicyMappingBody;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.JsonBodies;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;

/**
 * The two calls a provisioning run makes for every user, {@code POST /setup/user} and
 * {@code PUT /setup/user/{userId}/policyMapping}, served on Reactor Netty directly ({@link DirectCalls}) with their
 * bodies read by the streaming parser. They answer exactly what the same routes of {@link UserRoutes} answer, which
 * still serve the requests these do not take (targets that are not plain).
 */
public class UserDirectRoutes implements NettyRouteProvider {

    static final String CREATE = "POST /setup/user";

    static final String MAP_POLICIES = "PUT /setup/user/{userId}/policyMapping";

    private static final String USERS = "/setup/user";

    private static final String POLICY_MAPPING = "/policyMapping";

    private final DirectCalls calls;

    private final UserRoutes users;

    private final JsonBodies bodies;

    private final Envelopes envelopes;

    public UserDirectRoutes(DirectCalls calls, UserRoutes users, JsonBodies bodies, Envelopes envelopes) {
        this.calls = calls;
        this.users = users;
        this.bodies = bodies;
        this.envelopes = envelopes;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(UserDirectRoutes::isCreate, (request, response) -> this.calls.serve(request, response, CREATE,
                (organization, body, line) -> {
                    CreateUserBody user = this.bodies.read(body, CreateUserBody.class, CreateUserBody::read);
                    return this.envelopes.itemJson(line, UserRoutes.KIND_USER, this.users.create(organization, user));
                }))
            .route((request) -> policyMappingUserId(request) != null, (request, response) -> {
                String userId = policyMappingUserId(request);
                return this.calls.serve(request, response, MAP_POLICIES, (organization, body, line) -> {
                    UserRoutes.mapPolicies(organization, userId,
                            this.bodies.read(body, PolicyMappingBody.class, PolicyMappingBody::read));
                    return this.envelopes.statusOnlyJson(line);
                });
            });
    }

    private static boolean isCreate(HttpServerRequest request) {
        return "POST".equals(request.method().name()) && USERS.equals(DirectCalls.plainPath(request));
    }

    /** The {@code userId} of a {@code PUT /setup/user/{userId}/policyMapping}; null for any other request. */
    private static String policyMappingUserId(HttpServerRequest request) {
        if (!"PUT".equals(request.method().name())) {
            return null;
        }
        String path = DirectCalls.plainPath(request);
        if (path == null || !path.startsWith(USERS + "/") || !path.endsWith(POLICY_MAPPING)) {
            return null;
        }
        String userId = path.substring(USERS.length() + 1, Math.max(USERS.length() + 1, path.length() - POLICY_MAPPING.length()));
        return (userId.isEmpty() || userId.indexOf('/') >= 0) ? null : userId;
    }

}
