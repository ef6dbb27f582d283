package io.spotbridge.launcher;

/**
 * A problem the user can fix (a busy port, a bad setting, a missing build): {@link BridgeCli} prints the message as
 * one line, without a stack trace, and exits with {@link #exitCode()}.
 */
final class LauncherException extends RuntimeException {

    private final int exitCode;

    LauncherException(String message) {
        this(message, 1);
    }

    LauncherException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
