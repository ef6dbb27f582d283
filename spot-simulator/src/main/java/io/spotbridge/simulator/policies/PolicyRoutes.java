package io.spotbridge.simulator.policies;

import io.spotbridge.simulator.gateway.Caller;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.JsonBodies;
import io.spotbridge.simulator.wire.SpotRoutes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /setup/organization/policy}, {@code POST /setup/access/policy} and
 * {@code PUT|DELETE /setup/access/policy/{policyId}} (built-in policies cannot be changed).
 */
public class PolicyRoutes implements SpotRoutes {

    static final String KIND = "spotinst:setup:access:policy";

    private final Envelopes envelopes;

    private final JsonBodies bodies;

    public PolicyRoutes(Envelopes envelopes, JsonBodies bodies) {
        this.envelopes = envelopes;
        this.bodies = bodies;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/setup/organization/policy", this::list)
            .POST("/setup/access/policy", this::create)
            .PUT("/setup/access/policy/{policyId}", this::update)
            .DELETE("/setup/access/policy/{policyId}", this::delete)
            .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        var policies = Caller.organization(request).policies().list().stream().map(PolicyItem::of).toList();
        return this.envelopes.items(request, KIND, policies);
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return body(request).map((body) -> Caller.organization(request).policies().create(body.draft()))
            .flatMap((policy) -> this.envelopes.item(request, KIND, PolicyItem.of(policy)));
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        String policyId = request.pathVariable("policyId");
        return body(request).map((body) -> Caller.organization(request).policies().update(policyId, body.draft()))
            .flatMap((policy) -> this.envelopes.item(request, KIND, PolicyItem.of(policy)));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        Caller.organization(request).policies().delete(request.pathVariable("policyId"));
        return this.envelopes.statusOnly(request);
    }

    private Mono<PolicyBody> body(ServerRequest request) {
        return this.bodies.readObject(request).map((node) -> this.bodies.convert(unwrapped(node), PolicyBody.class));
    }

    private static JsonNode unwrapped(JsonNode node) {
        JsonNode wrapped = node.get("policy");
        return (wrapped != null && wrapped.isObject()) ? wrapped : node;
    }

}
