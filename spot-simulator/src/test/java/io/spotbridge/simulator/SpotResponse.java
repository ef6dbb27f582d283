package io.spotbridge.simulator;

import java.net.http.HttpHeaders;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A simulator response with its JSON body parsed, and shortcuts into Spot's envelope. */
public record SpotResponse(int status, HttpHeaders headers, JsonNode body) {

    /** {@code response.items[0]}. */
    public JsonNode item() {
        return this.body.at("/response/items/0");
    }

    public List<JsonNode> items() {
        return this.body.at("/response/items").valueStream().toList();
    }

    /** {@code response.errors[0].code}. */
    public String errorCode() {
        return this.body.at("/response/errors/0/code").asString();
    }

    /** {@code response.errors[0].field}. */
    public String errorField() {
        return this.body.at("/response/errors/0/field").asString();
    }

    public String header(String name) {
        return this.headers.firstValue(name).orElseThrow(() -> new AssertionError("no header " + name));
    }

}
