package io.spotbridge.simulator.wire;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A request that Spot would answer with an error envelope: the HTTP status equals {@code response.status.code}, and
 * {@code response.errors} lists {@link #errors()}.
 */
public final class SpotApiException extends RuntimeException {

    private final HttpStatusCode status;

    private final List<SpotError> errors;

    private final Optional<String> data;

    private SpotApiException(HttpStatusCode status, List<SpotError> errors, Optional<String> data) {
        super(errors.isEmpty() ? status.toString() : errors.get(0).message(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.data = data;
    }

    public static SpotApiException badRequest(String code, String message, String field) {
        return new SpotApiException(HttpStatus.BAD_REQUEST, List.of(SpotError.of(code, message, field)), Optional.empty());
    }

    public static SpotApiException invalidBody(String message) {
        return new SpotApiException(HttpStatus.BAD_REQUEST, List.of(SpotError.of(ErrorCodes.INVALID_REQUEST_BODY, message)),
                Optional.empty());
    }

    public static SpotApiException notFound(String code, String message) {
        return new SpotApiException(HttpStatus.NOT_FOUND, List.of(SpotError.of(code, message)), Optional.empty());
    }

    public static SpotApiException unauthorized(String message) {
        return new SpotApiException(HttpStatus.UNAUTHORIZED, List.of(SpotError.of(ErrorCodes.UNAUTHORIZED, message)),
                Optional.empty());
    }

    public static SpotApiException rateLimitExceeded() {
        return new SpotApiException(HttpStatus.TOO_MANY_REQUESTS,
                List.of(SpotError.of(ErrorCodes.RATE_LIMIT_EXCEEDED, "Rate limit exceeded")), Optional.of("Rate limit exceeded"));
    }

    /** An error carrying only a status, named like Spot names its generic failures (e.g. SERVICE_UNAVAILABLE). */
    public static SpotApiException ofStatus(int status) {
        return ofStatus(status, reasonPhrase(HttpStatusCode.valueOf(status)));
    }

    public static SpotApiException ofStatus(int status, String message) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return new SpotApiException(code, List.of(SpotError.of(codeName(code), message)), Optional.empty());
    }

    public HttpStatusCode status() {
        return this.status;
    }

    public List<SpotError> errors() {
        return this.errors;
    }

    public Optional<String> data() {
        return this.data;
    }

    static String codeName(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return (known != null) ? known.name() : "HTTP_" + status.value();
    }

    static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return (known != null) ? known.getReasonPhrase() : "Error";
    }

}
