package io.spotbridge.simulator.wire;


import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads JSON request bodies whatever their Content-Type. Empty, malformed or mistyped bodies fail with a 400
 * {@link SpotApiException}, never a 500.
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
