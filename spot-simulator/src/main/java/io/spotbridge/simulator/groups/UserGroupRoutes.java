package io.spotbridge.simulator.groups;

import io.spotbridge.simulator.gateway.Caller;
import io.spotbridge.simulator.policies.PolicyMappingBody;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.JsonBodies;
import io.spotbridge.simulator.wire.SpotRoutes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** User groups: CRUD under {@code /setup/access/userGroup}, plus replace-all user and policy mappings. */
public class UserGroupRoutes implements SpotRoutes {

    static final String KIND = "spotinst:setup:access:userGroup";

    private static final String GROUP = "/setup/access/userGroup/{userGroupId}";

    private final Envelopes envelopes;

    private final JsonBodies bodies;

    public UserGroupRoutes(Envelopes envelopes, JsonBodies bodies) {
        this.envelopes = envelopes;
        this.bodies = bodies;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/setup/access/userGroup", this::list)
            .POST("/setup/access/userGroup", this::create)
            .GET(GROUP, this::get)
            .PUT(GROUP, this::update)
            .DELETE(GROUP, this::delete)
            .PUT(GROUP + "/userMapping", this::mapUsers)
            .PUT(GROUP + "/policyMapping", this::mapPolicies)
            .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        var groups = Caller.organization(request).groups().list().stream().map(UserGroupItem::of).toList();
        return this.envelopes.items(request, KIND, groups);
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return body(request).map((body) -> Caller.organization(request).groups().create(body.draft()))
            .flatMap((group) -> this.envelopes.item(request, KIND, UserGroupItem.of(group)));
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        var group = Caller.organization(request).groups().get(groupId(request));
        return this.envelopes.item(request, KIND, UserGroupItem.of(group));
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        return body(request).map((body) -> Caller.organization(request).groups().update(groupId(request), body.draft()))
            .flatMap((group) -> this.envelopes.item(request, KIND, UserGroupItem.of(group)));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        Caller.organization(request).groups().delete(groupId(request));
        return this.envelopes.statusOnly(request);
    }

    private Mono<ServerResponse> mapUsers(ServerRequest request) {
        return this.bodies.read(request, UserMappingBody.class)
            .doOnNext((body) -> Caller.organization(request).groups().replaceMembers(groupId(request), body.members()))
            .then(Mono.defer(() -> this.envelopes.statusOnly(request)));
    }

    private Mono<ServerResponse> mapPolicies(ServerRequest request) {
        return this.bodies.read(request, PolicyMappingBody.class)
            .doOnNext((body) -> Caller.organization(request).groups().replacePolicies(groupId(request), body.grants()))
            .then(Mono.defer(() -> this.envelopes.statusOnly(request)));
    }

    private Mono<UserGroupBody> body(ServerRequest request) {
        return this.bodies.readObject(request).map((node) -> this.bodies.convert(unwrapped(node), UserGroupBody.class));
    }

    private static String groupId(ServerRequest request) {
        return request.pathVariable("userGroupId");
    }

    private static JsonNode unwrapped(JsonNode node) {
        JsonNode wrapped = node.get("userGroup");
        return (wrapped != null && wrapped.isObject()) ? wrapped : node;
    }

}
