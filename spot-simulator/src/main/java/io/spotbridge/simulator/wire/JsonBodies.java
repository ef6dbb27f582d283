package io.spotbridge.simulator.wire;


import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads JSON request bodies whatever their Content-Type. Empty, malformed or mistyped bodies fail with a 400
 * {@link SpotApiException}, never a 500.
 * <p>
 * Bodies of the routes called per provisioned user can be read with a {@link StreamReader}: a pass of the streaming
 * parser over a body of the usual shape, with no tree and no data binding in between. A body of any other shape (an
 * unknown or repeated field, a value of another type, malformed JSON) is read as before, so it meets the same checks
 * and errors.
 */
public class JsonBodies {

    private final JsonMapper mapper;

    public JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON object. */
    public Mono<JsonNode> readObject(ServerRequest request) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class))
            .map(JsonBodies::drain)
            .filter((bytes) -> !isBlank(bytes))
            .switchIfEmpty(Mono.error(() -> SpotApiException.invalidBody("A JSON request body is required")))
            .map(this::parseObject);
    }

    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return readObject(request).map((node) -> convert(node, type));
    }

    /** The body as a {@code type}: by {@code reader} when the body has the usual shape, else by data binding. */
    public <T> T read(byte[] body, Class<T> type, StreamReader<T> reader) {
        try (JsonParser parser = this.mapper.createParser(body)) {
            T value = reader.read(parser);
            if (value != null && parser.nextToken() == null) {
                return value;
            }
        }
        catch (JacksonException | UnusualBody ex) {
            // read it the thorough way below, which answers the right error if there is one
        }
        if (isBlank(body)) {
            throw SpotApiException.invalidBody("A JSON request body is required");
        }
        return convert(parseObject(body), type);
    }

    /**
     * Reads a body of the usual shape from a parser at its start; returns null, or throws {@link #unusual()}, for
     * any other shape.
     */
    @FunctionalInterface
    public interface StreamReader<T> {

        T read(JsonParser parser);

    }

    /** Thrown by a {@link StreamReader} at a body it does not read itself: the body is read by data binding instead. */
    public static RuntimeException unusual() {
        return UnusualBody.INSTANCE;
    }

    /** The current value if it is a string or null; {@link #unusual()} otherwise. */
    public static String stringOrNull(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw unusual();
    }

    /** Moves to the next token and fails with {@link #unusual()} unless it is {@code expected}. */
    public static void expect(JsonParser parser, JsonToken expected) {
        if (parser.nextToken() != expected) {
            throw unusual();
        }
    }

    private static final class UnusualBody extends RuntimeException {

        static final UnusualBody INSTANCE = new UnusualBody();

        private UnusualBody() {
            super("not the usual shape", null, false, false);
        }

    }

    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return this.mapper.treeToValue(node, type);
        }
        catch (JacksonException ex) {
            throw SpotApiException.invalidBody("Malformed request body: " + ex.getOriginalMessage());
        }
    }

    private JsonNode parseObject(byte[] text) {
        JsonNode node;
        try {
            node = this.mapper.readTree(text);
        }
        catch (JacksonException ex) {
            throw SpotApiException.invalidBody("Malformed JSON: " + ex.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw SpotApiException.invalidBody("The request body must be a JSON object");
        }
        return node;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

}
