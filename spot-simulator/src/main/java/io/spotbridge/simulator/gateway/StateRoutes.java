package io.spotbridge.simulator.gateway;

import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.ratelimit.RateLimiter;
import io.spotbridge.simulator.wire.AdminRoutes;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code DELETE /simulator/state} forgets every organization and rate-limit window (faults and stats stay). */
public class StateRoutes implements AdminRoutes {

    private final Organizations organizations;

    private final RateLimiter rateLimiter;

    public StateRoutes(Organizations organizations, RateLimiter rateLimiter) {
        this.organizations = organizations;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().DELETE("/simulator/state", (request) -> {
            this.organizations.clear();
            this.rateLimiter.reset();
            return ServerResponse.noContent().build();
        }).build();
    }

}
