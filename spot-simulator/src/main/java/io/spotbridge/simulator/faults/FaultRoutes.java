package io.spotbridge.simulator.faults;

import java.time.Clock;

import io.spotbridge.simulator.wire.AdminRoutes;
import io.spotbridge.simulator.wire.JsonBodies;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET|POST|DELETE /simulator/faults}: each answers the faults in force afterwards. */
public class FaultRoutes implements AdminRoutes {

    private final FaultSettings faults;

    private final JsonBodies bodies;

    private final Clock clock;

    public FaultRoutes(FaultSettings faults, JsonBodies bodies, Clock clock) {
        this.faults = faults;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/simulator/faults", (request) -> show(this.faults.current()))
            .POST("/simulator/faults", (request) -> this.bodies.readObject(request).map(this.faults::apply).flatMap(this::show))
            .DELETE("/simulator/faults", (request) -> show(this.faults.clear()))
            .build();
    }

    private Mono<ServerResponse> show(Faults faults) {
        return ServerResponse.ok().bodyValue(FaultsView.of(faults, this.clock.instant()));
    }

}
