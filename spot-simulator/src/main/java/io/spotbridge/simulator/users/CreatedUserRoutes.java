package io.spotbridge.simulator.users;

import java.util.List;

import io.spotbridge.simulator.gateway.DirectCalls;
import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.organization.User;
import io.spotbridge.simulator.wire.AdminRoutes;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /simulator/users?token=<token>&after=<n>}: the users of the token's organization created after its first
 * {@code n} (default 0), in order of creation, with their creation time, and {@code next}: the {@code after} to ask
 * with next time. For test harnesses that watch users appear: it costs only what is new, where
 * {@code GET /setup/organization/user} costs the whole organization (and is rate-limited and counted in the stats).
 * <p>
 * A benchmark polls it every few milliseconds, so a poll of the usual form ({@code token} and {@code after}, each
 * once, plain, {@code after} a number) is served on Reactor Netty directly ({@link DirectCalls}); the WebFlux route
 * serves any other.
 */
public class CreatedUserRoutes implements AdminRoutes, NettyRouteProvider {

    private static final String PATH = "/simulator/users";

    private final Organizations organizations;

    private final ObjectWriter pageWriter;

    public CreatedUserRoutes(Organizations organizations, JsonMapper mapper) {
        this.organizations = organizations;
        this.pageWriter = mapper.writerFor(Page.class);
    }

    @Override
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(PATH, this::createdAfter).build();
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route((request) -> usualPoll(request) != null, (request, response) -> {
            Poll poll = usualPoll(request);
            return DirectCalls.sendJson(response, 200, this.pageWriter.writeValueAsBytes(page(poll.token(), poll.after())));
        });
    }

    private Mono<ServerResponse> createdAfter(ServerRequest request) {
        String token = request.queryParam("token").orElse("");
        int after = request.queryParam("after").map(Integer::parseInt).orElse(0);
        return ServerResponse.ok().bodyValue(page(token, after));
    }

    private Page page(String token, int after) {
        List<User> users = this.organizations.forToken(token).users().createdAfter(after);
        List<Created> items = users.stream()
            .map((user) -> new Created(user.userId(), user.email(), user.createdAt().toEpochMilli()))
            .toList();
        return new Page(items, Math.max(0, after) + items.size());
    }

    /** The poll of a {@code GET /simulator/users?token=...&after=n} with a plain target (in any order); else null. */
    private static Poll usualPoll(HttpServerRequest request) {
        String path = "GET".equals(request.method().name()) ? DirectCalls.plainPath(request) : null;
        String target = request.uri();
        if (!PATH.equals(path) || target.length() <= PATH.length() + 1) {
            return null;
        }
        String token = null;
        String after = null;
        for (String parameter : target.substring(PATH.length() + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = (equals > 0) ? parameter.substring(0, equals) : "";
            String value = parameter.substring(equals + 1);
            if (name.equals("token") && token == null && !value.isEmpty()) {
                token = value;
            }
            else if (name.equals("after") && after == null && value.matches("[0-9]{1,9}")) {
                after = value;
            }
            else {
                return null;
            }
        }
        return (token != null && after != null) ? new Poll(token, Integer.parseInt(after)) : null;
    }

    private record Poll(String token, int after) {
    }

    /** @param createdAt epoch milliseconds */
    record Created(String userId, String email, long createdAt) {
    }

    record Page(List<Created> users, int next) {
    }

}
