package io.spotbridge.simulator.wire;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of the Spot API itself. They run behind the gateway (auth, faults, rate limit, stats), which binds the
 * caller's organization before a handler runs.
 */
public interface SpotRoutes {

    RouterFunction<ServerResponse> routes();

}
