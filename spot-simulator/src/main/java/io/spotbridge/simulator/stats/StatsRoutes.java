package io.spotbridge.simulator.stats;

import io.spotbridge.simulator.wire.AdminRoutes;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /simulator/stats} shows the counts, {@code DELETE /simulator/stats} zeroes them. */
public class StatsRoutes implements AdminRoutes {

    private final RequestStats stats;

    public StatsRoutes(RequestStats stats) {
        this.stats = stats;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/simulator/stats", (request) -> ServerResponse.ok().bodyValue(this.stats.snapshot()))
            .DELETE("/simulator/stats", (request) -> {
                this.stats.reset();
                return ServerResponse.ok().bodyValue(this.stats.snapshot());
            })
            .build();
    }

}
