package io.spotbridge.simulator.wire;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes under {@code /simulator/**}: no auth, no faults, not counted in the stats. */
public interface AdminRoutes {

    RouterFunction<ServerResponse> routes();

}
