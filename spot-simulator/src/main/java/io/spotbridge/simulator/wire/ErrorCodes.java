package io.spotbridge.simulator.wire;

/**
 * The error codes the simulator answers with. Spot publishes few of its codes; {@link #ACCOUNT_DOESNT_EXIST} is one it
 * does, the others follow its spelling.
 */
public final class ErrorCodes {

    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";

    public static final String INVALID_REQUEST_BODY = "INVALID_REQUEST_BODY";

    public static final String USER_ALREADY_EXISTS = "USER_ALREADY_EXISTS";

    public static final String USER_DOESNT_EXIST = "USER_DOESNT_EXIST";

    public static final String USER_GROUP_ALREADY_EXISTS = "USER_GROUP_ALREADY_EXISTS";

    public static final String USER_GROUP_DOESNT_EXIST = "USER_GROUP_DOESNT_EXIST";

    public static final String POLICY_DOESNT_EXIST = "POLICY_DOESNT_EXIST";

    public static final String POLICY_IS_BUILT_IN = "POLICY_IS_BUILT_IN";

    public static final String ACCOUNT_DOESNT_EXIST = "Account_DOESNT_EXIST";

    public static final String UNAUTHORIZED = "UNAUTHORIZED";

    public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";

    public static final String NOT_FOUND = "NOT_FOUND";

    private ErrorCodes() {
    }

}
