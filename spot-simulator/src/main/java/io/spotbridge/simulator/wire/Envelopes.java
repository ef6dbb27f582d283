package io.spotbridge.simulator.wire;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.spotbridge.simulator.wire.Envelope.Errors;
import io.spotbridge.simulator.wire.Envelope.Items;
import io.spotbridge.simulator.wire.Envelope.RequestInfo;
import io.spotbridge.simulator.wire.Envelope.Status;
import io.spotbridge.simulator.wire.Envelope.StatusOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Writes Spot's success and error envelopes. */
public class Envelopes {

    private static final Logger log = LoggerFactory.getLogger(Envelopes.class);

    private static final Status OK = new Status(200, "OK");

    private final Clock clock;

    private final ObjectWriter writer;

    public Envelopes(Clock clock, JsonMapper mapper) {
        this.clock = clock;
        this.writer = mapper.writerFor(Envelope.class);
    }

    /** HTTP 200 with {@code response.kind}, {@code response.items} and {@code response.count}. */
    public Mono<ServerResponse> items(ServerRequest request, String kind, List<?> items) {
        return respond(200, itemsJson(RequestLine.of(request), kind, items));
    }

    public Mono<ServerResponse> item(ServerRequest request, String kind, Object item) {
        return items(request, kind, List.of(item));
    }

    /** HTTP 200 carrying only {@code response.status}, as Spot answers mapping PUTs and DELETEs. */
    public Mono<ServerResponse> statusOnly(ServerRequest request) {
        return respond(200, statusOnlyJson(RequestLine.of(request)));
    }

    /** The error envelope; its HTTP status equals {@code response.status.code}. */
    public Mono<ServerResponse> error(ServerRequest request, SpotApiException error) {
        return respond(error.status().value(), errorJson(RequestLine.of(request), error));
    }

    /** Turns every error raised by a handler into an error envelope: Spot errors as they are, anything else as 500. */
    public HandlerFilterFunction<ServerResponse, ServerResponse> errorsAsEnvelopes() {
        return (request, next) -> orError(request, Mono.defer(() -> next.handle(request)));
    }

    /** The response, or the error envelope for the error it fails with. */
    public Mono<ServerResponse> orError(ServerRequest request, Mono<ServerResponse> response) {
        return response.onErrorResume((error) -> error(request, asSpotError(error, RequestLine.of(request))));
    }

    /** The body of {@link #items}: the envelope as JSON. */
    public byte[] itemsJson(RequestLine line, String kind, List<?> items) {
        return json(line, new Items(OK, kind, List.copyOf(items), items.size()));
    }

    /** The body of {@link #item}. */
    public byte[] itemJson(RequestLine line, String kind, Object item) {
        return itemsJson(line, kind, List.of(item));
    }

    /** The body of {@link #statusOnly}. */
    public byte[] statusOnlyJson(RequestLine line) {
        return json(line, new StatusOnly(OK));
    }

    /** The body of {@link #error}. */
    public byte[] errorJson(RequestLine line, SpotApiException error) {
        Status status = new Status(error.status().value(), SpotApiException.reasonPhrase(error.status()));
        return json(line, new Errors(status, error.errors(), error.data()));
    }

    /** A Spot error as it is; anything else (logged) as a 500. */
    public static SpotApiException asSpotError(Throwable error, RequestLine line) {
        if (error instanceof SpotApiException spot) {
            return spot;
        }
        log.error("Unexpected failure handling {} {}", line.method(), line.url(), error);
        return SpotApiException.ofStatus(HttpStatus.INTERNAL_SERVER_ERROR.value(), "Internal server error");
    }

    private static Mono<ServerResponse> respond(int status, byte[] json) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    private byte[] json(RequestLine line, Object response) {
        // serialized here with the application's mapper (what the JSON encoder would use) into one array: cheaper
        // than the encoder's per-response writer resolution and buffer streaming
        return this.writer.writeValueAsBytes(new Envelope(requestInfo(line), response));
    }

    /** A random (version 4) UUID without {@link UUID#randomUUID()}'s shared SecureRandom: request ids need no secrecy. */
    private static String randomId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private RequestInfo requestInfo(RequestLine line) {
        return new RequestInfo(randomId(), line.url(), line.method(),
                this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    }

}
