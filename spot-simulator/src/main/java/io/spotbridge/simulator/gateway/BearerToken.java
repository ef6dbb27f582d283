package io.spotbridge.simulator.gateway;

import java.util.Optional;

final class BearerToken {

    private static final String PREFIX = "bearer ";

    private BearerToken() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty when the header is missing or malformed. */
    static Optional<String> of(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

}
