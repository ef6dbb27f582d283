package io.spotbridge.simulator.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.faults.Faults;
import io.spotbridge.simulator.gateway.SpotGateway.Admission;
import io.spotbridge.simulator.organization.Organization;
import io.spotbridge.simulator.ratelimit.RateLimitDecision;
import io.spotbridge.simulator.stats.RequestStats;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.RequestLine;
import io.spotbridge.simulator.wire.SpotApiException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Serves Spot calls on Reactor Netty directly, without WebFlux, for the routes a provisioning run calls for every
 * user (see {@code users.UserDirectRoutes}): there WebFlux's per-request machinery (exchange, handler mapping, router
 * and filter functions, response writers) cost more CPU than the call itself. The calls meet the same gateway as the
 * WebFlux routes ({@link SpotGateway#admit}: latency, outage, token, rate limit, error rate), are counted in the same
 * stats, carry the same {@code X-RateLimit-*} headers and are answered with the same envelopes.
 * <p>
 * Only requests whose target is plain (see {@link #plainPath}) are served here; the WebFlux routes serve the others,
 * with what Spring makes of them (decoding, matrix variables).
 */
public class DirectCalls {

    private static final byte[] NO_BODY = new byte[0];

    private static final String APPLICATION_JSON = "application/json";

    // spelled as WebFlux's responses spell them
    private static final String CONTENT_TYPE = "Content-Type";

    private static final String CONTENT_LENGTH = "Content-Length";

    private final SpotGateway gateway;

    private final FaultSettings faults;

    private final RequestStats stats;

    private final Envelopes envelopes;

    public DirectCalls(SpotGateway gateway, FaultSettings faults, RequestStats stats, Envelopes envelopes) {
        this.gateway = gateway;
        this.faults = faults;
        this.stats = stats;
        this.envelopes = envelopes;
    }

    /**
     * The path of a request target made only of a path and an optional query in plain characters (letters, digits,
     * {@code - . _ ~ /}, and {@code = &} in the query): what such a target means is not open to interpretation, so
     * serving it here answers what the WebFlux route would. Null for any other target.
     */
    public static String plainPath(HttpServerRequest request) {
        String target = request.uri();
        if (target.isEmpty() || target.charAt(0) != '/') {
            return null;
        }
        int query = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' && query == target.length()) {
                query = i;
            }
            else if (!isUnreserved(c) && c != '/' && !(i > query && (c == '=' || c == '&'))) {
                return null;
            }
        }
        return target.substring(0, query);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /**
     * Serves one Spot call.
     * @param route the route template, {@code "METHOD /route/{template}"}, as the rate limit and the stats key it
     * @param handler what the call does once it passed the gateway
     */
    public Mono<Void> serve(HttpServerRequest request, HttpServerResponse response, String route, Handler handler) {
        Faults current = this.faults.current();
        RequestLine line = new RequestLine(request.method().name(), request.uri());
        String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        return request.receive()
            .aggregate()
            .asByteArray()
            .defaultIfEmpty(NO_BODY)
            .flatMap((body) -> SpotGateway.afterLatency(current,
                    () -> respond(response, route, answer(route, authorization, current, line, body, handler))));
    }

    private Answer answer(String route, String authorization, Faults current, RequestLine line, byte[] body,
            Handler handler) {
        RateLimitDecision limits = null;
        try {
            Admission admission = this.gateway.admit(route, authorization, current);
            limits = admission.limits();
            if (admission.rejection() != null) {
                throw admission.rejection();
            }
            return new Answer(200, limits, handler.handle(admission.organization(), body, line));
        }
        catch (RuntimeException ex) {
            SpotApiException error = Envelopes.asSpotError(ex, line);
            return new Answer(error.status().value(), limits, this.envelopes.errorJson(line, error));
        }
    }

    private Mono<Void> respond(HttpServerResponse response, String route, Answer answer) {
        this.stats.record(route, answer.status());
        if (answer.limits() != null) {
            response.header(SpotGateway.RATE_LIMIT_LIMIT, String.valueOf(answer.limits().limit()))
                .header(SpotGateway.RATE_LIMIT_REMAINING, String.valueOf(answer.limits().remaining()))
                .header(SpotGateway.RATE_LIMIT_RESET, String.valueOf(answer.limits().resetSeconds()));
        }
        return sendJson(response, answer.status(), answer.json());
    }

    /** Answers {@code json} with the status and the headers a WebFlux JSON response has. */
    public static Mono<Void> sendJson(HttpServerResponse response, int status, byte[] json) {
        return response.status(status)
            .header(CONTENT_TYPE, APPLICATION_JSON)
            .header(CONTENT_LENGTH, String.valueOf(json.length))
            .sendByteArray(Mono.just(json))
            .then();
    }

    /** What a call does once admitted: answers the JSON of a 200, or throws a {@link SpotApiException}. */
    @FunctionalInterface
    public interface Handler {

        byte[] handle(Organization organization, byte[] body, RequestLine line);

    }

    private record Answer(int status, RateLimitDecision limits, byte[] json) {
    }

}
