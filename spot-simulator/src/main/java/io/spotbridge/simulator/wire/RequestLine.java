package io.spotbridge.simulator.wire;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * What a Spot envelope's {@code request} tells of the request it answers.
 * @param method the HTTP method, like {@code POST}
 * @param url the raw path and query as sent, like {@code /setup/user?generateToken=false}
 */
public record RequestLine(String method, String url) {

    public static RequestLine of(ServerRequest request) {
        String query = request.uri().getRawQuery();
        return new RequestLine(request.method().name(), request.uri().getRawPath() + ((query != null) ? "?" + query : ""));
    }

}
