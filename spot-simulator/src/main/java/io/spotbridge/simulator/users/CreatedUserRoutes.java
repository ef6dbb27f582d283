package io.spotbridge.simulator.users;

import java.util.List;

import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.organization.User;
import io.spotbridge.simulator.wire.AdminRoutes;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /simulator/users?token=<token>&after=<n>}: the users of the token's organization created after its first
 * {@code n} (default 0), in order of creation, with their creation time, and {@code next}: the {@code after} to ask
 * with next time. For test harnesses that watch users appear: it costs only what is new, where
 * {@code GET /setup/organization/user} costs the whole organization (and is rate-limited and counted in the stats).
 */
public class CreatedUserRoutes implements AdminRoutes {

    private final Organizations organizations;

    public CreatedUserRoutes(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET("/simulator/users", this::createdAfter).build();
    }

    private reactor.core.publisher.Mono<ServerResponse> createdAfter(ServerRequest request) {
        String token = request.queryParam("token").orElse("");
        int after = request.queryParam("after").map(Integer::parseInt).orElse(0);
        List<User> users = this.organizations.forToken(token).users().createdAfter(after);
        List<Created> items = users.stream()
            .map((user) -> new Created(user.userId(), user.email(), user.createdAt().toEpochMilli()))
            .toList();
        return ServerResponse.ok().bodyValue(new Page(items, Math.max(0, after) + items.size()));
    }

    /** @param createdAt epoch milliseconds */
    record Created(String userId, String email, long createdAt) {
    }

    record Page(List<Created> users, int next) {
    }

}
