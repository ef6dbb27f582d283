package io.spotbridge.simulator.accounts;

import io.spotbridge.simulator.gateway.Caller;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.SpotRoutes;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /setup/account}: the organization's seeded accounts. */
public class AccountRoutes implements SpotRoutes {

    static final String KIND = "spotinst:setup:account";

    private final Envelopes envelopes;

    public AccountRoutes(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/setup/account", (request) -> this.envelopes.items(request, KIND,
                    Caller.organization(request).accounts().stream().map(AccountItem::of).toList()))
            .build();
    }

}
