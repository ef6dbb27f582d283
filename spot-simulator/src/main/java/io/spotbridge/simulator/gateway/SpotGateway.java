package io.spotbridge.simulator.gateway;

import java.time.Clock;
import java.util.Optional;

import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.faults.Faults;
import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.ratelimit.RateLimitDecision;
import io.spotbridge.simulator.ratelimit.RateLimiter;
import io.spotbridge.simulator.stats.RequestStats;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.SpotApiException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;

/**
 * What every Spot request passes before its handler, in this order: the injected latency, an injected outage (503),
 * the bearer token (401 when missing or revoked), the rate limit (429), the injected error rate. Every response
 * carries the {@code X-RateLimit-*} headers and is counted in the {@link RequestStats} under its route template.
 */
public class SpotGateway implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    public static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";

    public static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";

    public static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

    private final Organizations organizations;

    private final FaultSettings faults;

    private final RateLimiter rateLimiter;

    private final RequestStats stats;

    private final Envelopes envelopes;

    private final Clock clock;

    public SpotGateway(Organizations organizations, FaultSettings faults, RateLimiter rateLimiter, RequestStats stats,
            Envelopes envelopes, Clock clock) {
        this.organizations = organizations;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.stats = stats;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String route = route(request);
        Faults current = this.faults.current();
        Mono<Long> latency = current.latency().isZero() ? Mono.just(0L) : Mono.delay(current.latency());
        Mono<ServerResponse> response = latency.then(Mono.defer(() -> admit(request, route, current, next)));
        return this.envelopes.orError(request, response)
            .doOnNext((served) -> this.stats.record(route, served.statusCode().value()));
    }

    private Mono<ServerResponse> admit(ServerRequest request, String route, Faults current,
            HandlerFunction<ServerResponse> next) {
        Optional<String> token = BearerToken.of(request);
        String limitKey = token.orElse("") + " " + route;
        int limit = current.rateLimitPerMinute();
        if (current.outageAt(this.clock.instant())) {
            throw rejected(request, this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.ofStatus(HttpStatus.SERVICE_UNAVAILABLE.value()));
        }
        if (token.isEmpty()) {
            throw rejected(request, this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.unauthorized("Missing or malformed 'Authorization: Bearer <token>' header"));
        }
        if (current.isRevoked(token.get())) {
            throw rejected(request, this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.unauthorized("The token is invalid or has been revoked"));
        }
        RateLimitDecision decision = this.rateLimiter.acquire(limitKey, limit);
        setRateLimitHeaders(request, decision);
        if (!decision.allowed()) {
            throw SpotApiException.rateLimitExceeded();
        }
        if (current.drawFailure()) {
            throw SpotApiException.ofStatus(current.errorStatus());
        }
        Caller.bind(request, this.organizations.forToken(token.get()));
        return next.handle(request);
    }

    private static SpotApiException rejected(ServerRequest request, RateLimitDecision state, SpotApiException error) {
        setRateLimitHeaders(request, state);
        return error;
    }

    private static void setRateLimitHeaders(ServerRequest request, RateLimitDecision state) {
        HttpHeaders headers = request.exchange().getResponse().getHeaders();
        headers.set(RATE_LIMIT_LIMIT, String.valueOf(state.limit()));
        headers.set(RATE_LIMIT_REMAINING, String.valueOf(state.remaining()));
        headers.set(RATE_LIMIT_RESET, String.valueOf(state.resetSeconds()));
    }

    /** {@code "METHOD /route/{template}"}, the key of the rate limit and the stats. */
    static String route(ServerRequest request) {
        String template = request.attribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE)
            .map((pattern) -> (pattern instanceof PathPattern path) ? path.getPatternString() : pattern.toString())
            .orElse(request.path());
        return request.method().name() + " " + template;
    }

}
