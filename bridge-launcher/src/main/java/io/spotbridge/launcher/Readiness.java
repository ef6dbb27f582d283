package io.spotbridge.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** How the launcher tells that a started component is ready. Implementations are cheap, short checks. */
interface Readiness {

    /**
     * @param log       the component's log file
     * @param logOffset where the current run's output starts in it
     */
    boolean isReady(Path log, long logOffset) throws InterruptedException;

    /** Ready when {@code GET url} answers 200. */
    static Readiness httpOk(String url) {
        URI uri = URI.create(url);
        return (log, logOffset) -> Http.status(uri, Duration.ofSeconds(2)) == 200;
    }

    /** Ready when this run's output contains {@code line} (the Kafka launcher prints "Kafka ready on ..."). */
    static Readiness logLine(String line) {
        return (log, logOffset) -> Logs.since(log, logOffset).contains(line);
    }
}
