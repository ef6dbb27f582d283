package io.spotbridge.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to run one component as a child process.
 *
 * @param name        its name in local.json, the logs and messages ({@code kafka}, {@code ingress}, ...)
 * @param command     the full command line ({@code java ...})
 * @param environment variables to set for it
 * @param unset       variables of the launcher's environment it must not inherit (tokens meant for another component)
 * @param workDir     its working directory
 * @param log         where its stdout and stderr are appended
 * @param readiness   how to tell it is ready
 * @param stopTimeout how long it may take to exit after SIGTERM before it is killed
 * @param where       what it serves, for messages (a URL or host:port)
 */
record ComponentSpec(String name, List<String> command, Map<String, String> environment, Set<String> unset,
        Path workDir, Path log, Readiness readiness, Duration stopTimeout, String where) {

    ComponentSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        unset = Set.copyOf(unset);
    }
}
