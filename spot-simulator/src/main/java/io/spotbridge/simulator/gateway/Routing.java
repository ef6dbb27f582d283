package io.spotbridge.simulator.gateway;

import java.util.List;

import io.spotbridge.simulator.wire.AdminRoutes;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;
import io.spotbridge.simulator.wire.SpotRoutes;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Puts every {@link SpotRoutes} behind the {@link SpotGateway}, and serves the {@link AdminRoutes} beside them. */
public class Routing {

    @Bean
    RouterFunction<ServerResponse> spotApi(List<SpotRoutes> routes, SpotGateway gateway, Envelopes envelopes) {
        RouterFunction<ServerResponse> unknownRoute = RouterFunctions.route(RequestPredicates.path("/setup/**"),
                (request) -> Mono.error(SpotApiException.notFound(ErrorCodes.NOT_FOUND,
                        "No route " + request.method().name() + " " + request.path())));
        return combine(routes.stream().map(SpotRoutes::routes).toList()).and(unknownRoute)
            .filter(envelopes.errorsAsEnvelopes())
            .filter(gateway);
    }

    @Bean
    RouterFunction<ServerResponse> simulatorAdmin(List<AdminRoutes> routes, Envelopes envelopes) {
        return combine(routes.stream().map(AdminRoutes::routes).toList()).filter(envelopes.errorsAsEnvelopes());
    }

    private static RouterFunction<ServerResponse> combine(List<RouterFunction<ServerResponse>> routes) {
        return routes.stream().reduce(RouterFunction::and).orElseThrow();
    }

}
