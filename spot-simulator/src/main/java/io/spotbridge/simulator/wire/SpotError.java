package io.spotbridge.simulator.wire;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of {@code response.errors} in a Spot error envelope; {@code field} is omitted when no field is at fault. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SpotError(String code, String message, Optional<String> field) {

    public static SpotError of(String code, String message) {
        return new SpotError(code, message, Optional.empty());
    }

    public static SpotError of(String code, String message, String field) {
        return new SpotError(code, message, Optional.of(field));
    }

}
