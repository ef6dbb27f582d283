package io.spotbridge.simulator.gateway;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.faults.Faults;
import io.spotbridge.simulator.organization.Organization;
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
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        Mono<ServerResponse> response = afterLatency(current, () -> {
            Admission admission = admit(route, authorization, current);
            setRateLimitHeaders(request.exchange().getResponse().getHeaders(), admission.limits());
            if (admission.rejection() != null) {
                return Mono.error(admission.rejection());
            }
            Caller.bind(request, admission.organization());
            return next.handle(request);
        });
        return this.envelopes.orError(request, response)
            .doOnNext((served) -> this.stats.record(route, served.statusCode().value()));
    }

    /** {@code then}, subscribed once the injected latency has passed. */
    static <T> Mono<T> afterLatency(Faults current, Supplier<Mono<T>> then) {
        Mono<T> deferred = Mono.defer(then);
        return current.latency().isZero() ? deferred : Mono.delay(current.latency()).then(deferred);
    }

    /**
     * The gateway's checks for one Spot request, in order, once the latency has passed: outage, token, rate limit
     * (counting the request when it gets this far), error rate.
     * @param route the rate limit's and the stats' key, {@code "METHOD /route/{template}"}
     * @param authorization the request's {@code Authorization} header, or null
     */
    Admission admit(String route, String authorization, Faults current) {
        Optional<String> token = BearerToken.of(authorization);
        String limitKey = token.orElse("") + " " + route;
        int limit = current.rateLimitPerMinute();
        if (current.outageAt(this.clock.instant())) {
            return Admission.rejected(this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.ofStatus(HttpStatus.SERVICE_UNAVAILABLE.value()));
        }
        if (token.isEmpty()) {
            return Admission.rejected(this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.unauthorized("Missing or malformed 'Authorization: Bearer <token>' header"));
        }
        if (current.isRevoked(token.get())) {
            return Admission.rejected(this.rateLimiter.peek(limitKey, limit),
                    SpotApiException.unauthorized("The token is invalid or has been revoked"));
        }
        RateLimitDecision decision = this.rateLimiter.acquire(limitKey, limit);
        if (!decision.allowed()) {
            return Admission.rejected(decision, SpotApiException.rateLimitExceeded());
        }
        if (current.drawFailure()) {
            return Admission.rejected(decision, SpotApiException.ofStatus(current.errorStatus()));
        }
        return new Admission(decision, this.organizations.forToken(token.get()), null);
    }

    static void setRateLimitHeaders(HttpHeaders headers, RateLimitDecision state) {
        headers.set(RATE_LIMIT_LIMIT, String.valueOf(state.limit()));
        headers.set(RATE_LIMIT_REMAINING, String.valueOf(state.remaining()));
        headers.set(RATE_LIMIT_RESET, String.valueOf(state.resetSeconds()));
    }

    /**
     * What {@link #admit} decided.
     * @param limits the rate-limit state the {@code X-RateLimit-*} headers show
     * @param organization the caller's organization when admitted, else null
     * @param rejection the error to answer instead of running the handler, or null when admitted
     */
    record Admission(RateLimitDecision limits, Organization organization, SpotApiException rejection) {

        static Admission rejected(RateLimitDecision limits, SpotApiException rejection) {
            return new Admission(limits, null, rejection);
        }

    }

    /** {@code "METHOD /route/{template}"}, the key of the rate limit and the stats. */
    static String route(ServerRequest request) {
        String template = request.attribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE)
            .map((pattern) -> (pattern instanceof PathPattern path) ? path.getPatternString() : pattern.toString())
            .orElse(request.path());
        return request.method().name() + " " + template;
    }

}
