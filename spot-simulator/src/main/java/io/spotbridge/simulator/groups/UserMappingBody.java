package io.spotbridge.simulator.groups;

import java.util.List;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/** {@code {"userIds":[...]}}. */
record UserMappingBody(List<String> userIds) {

    List<String> members() {
        if (this.userIds == null) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "userIds is required", "userIds");
        }
        return this.userIds;
    }

}
