package io.spotbridge.simulator.users;

import java.util.List;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/** {@code {"userGroupIds":[...]}}. */
record UserGroupMappingBody(List<String> userGroupIds) {

    List<String> groupIds() {
        if (this.userGroupIds == null) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "userGroupIds is required", "userGroupIds");
        }
        return this.userGroupIds;
    }

}
