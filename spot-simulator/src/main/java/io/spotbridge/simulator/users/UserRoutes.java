package io.spotbridge.simulator.users;

import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.gateway.Caller;
import io.spotbridge.simulator.organization.Organization;
import io.spotbridge.simulator.policies.PolicyMappingBody;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.JsonBodies;
import io.spotbridge.simulator.wire.SpotApiException;
import io.spotbridge.simulator.wire.SpotRoutes;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The organization's personal users: create, list, read, delete, and map to policies and user groups. */
public class UserRoutes implements SpotRoutes {

    static final String KIND_USER = "spotinst:setup:user";

    static final String KIND_ACCESS_USER = "spotinst:setup:access:user";

    private final Envelopes envelopes;

    private final JsonBodies bodies;

    private final FaultSettings faults;

    public UserRoutes(Envelopes envelopes, JsonBodies bodies, FaultSettings faults) {
        this.envelopes = envelopes;
        this.bodies = bodies;
        this.faults = faults;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .POST("/setup/user", this::create)
            .GET("/setup/organization/user", this::list)
            .GET("/setup/user/{userId}", this::get)
            .DELETE("/setup/user/{userId}", this::delete)
            .PUT("/setup/user/{userId}/policyMapping", this::mapPolicies)
            .PUT("/setup/user/{userId}/userGroupMapping", this::mapGroups)
            .build();
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        Organization organization = Caller.organization(request);
        return this.bodies.read(request, CreateUserBody.class)
            .map((body) -> create(organization, body))
            .flatMap((item) -> this.envelopes.item(request, KIND_USER, item));
    }

    /** {@code POST /setup/user} once its body is read: the created user, or a 400 for a rejected email. */
    CreatedUserItem create(Organization organization, CreateUserBody body) {
        if (body.email() != null && this.faults.current().rejectsEmail(body.email())) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "email " + body.email() + " is not allowed",
                    "email");
        }
        return CreatedUserItem.of(organization.users().create(body.newUser()), organization.id());
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        var users = Caller.organization(request).users().list().stream().map(UserListItem::of).toList();
        return this.envelopes.items(request, KIND_USER, users);
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        var details = Caller.organization(request).users().get(request.pathVariable("userId"));
        return this.envelopes.item(request, KIND_ACCESS_USER, UserItem.of(details));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        Caller.organization(request).users().delete(request.pathVariable("userId"));
        return this.envelopes.statusOnly(request);
    }

    private Mono<ServerResponse> mapPolicies(ServerRequest request) {
        String userId = request.pathVariable("userId");
        return this.bodies.read(request, PolicyMappingBody.class)
            .doOnNext((body) -> mapPolicies(Caller.organization(request), userId, body))
            .then(Mono.defer(() -> this.envelopes.statusOnly(request)));
    }

    /** {@code PUT /setup/user/{userId}/policyMapping} once its body is read. */
    static void mapPolicies(Organization organization, String userId, PolicyMappingBody body) {
        organization.users().replacePolicies(userId, body.grants());
    }

    private Mono<ServerResponse> mapGroups(ServerRequest request) {
        String userId = request.pathVariable("userId");
        return this.bodies.read(request, UserGroupMappingBody.class)
            .doOnNext((body) -> Caller.organization(request).users().replaceGroups(userId, body.groupIds()))
            .then(Mono.defer(() -> this.envelopes.statusOnly(request)));
    }

}
