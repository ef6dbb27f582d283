package io.spotbridge.simulator.wire;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Spot response wrapper: {@code {"request":{...},"response":{...}}}. */
record Envelope(RequestInfo request, Object response) {

    record RequestInfo(String id, String url, String method, String timestamp) {
    }

    record Status(int code, String message) {
    }

    record Items(Status status, String kind, List<?> items, int count) {
    }

    record StatusOnly(Status status) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Errors(Status status, List<SpotError> errors, Optional<String> data) {
    }

}
