package io.spotbridge.launcher;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The launcher's own messages: one line each, timestamped, never a stack trace. Thread-safe. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final PrintStream err;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Console system() {
        return new Console(System.out, System.err);
    }

    /** A progress message: {@code [bridge 12:00:01] text}. */
    synchronized void info(String text) {
        out.println("[bridge " + LocalTime.now().format(TIME) + "] " + text);
        out.flush();
    }

    /** A line exactly as given (the {@code Ready:} line, tables, help). */
    synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    /** A problem, on stderr. */
    synchronized void error(String text) {
        out.flush();
        err.println("[bridge " + LocalTime.now().format(TIME) + "] " + text);
        err.flush();
    }
}
