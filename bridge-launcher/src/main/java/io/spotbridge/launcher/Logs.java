package io.spotbridge.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Helpers for the component log files. */
final class Logs {

    private Logs() {
    }

    /** Appends a marker line and returns the file's length before it: where the next run's output starts. */
    static long mark(Path log, String marker) {
        try {
            long start = Files.exists(log) ? Files.size(log) : 0L;
            Files.writeString(log, marker + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return start;
        } catch (IOException e) {
            throw new LauncherException("Cannot write " + log + ": " + e.getMessage());
        }
    }

    /** What {@code log} received from {@code offset} on (at most its last 1 MiB); empty if unreadable. */
    static String since(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(offset, file.length() - (1 << 20));
            byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of {@code log} from {@code offset} on. */
    static String tail(Path log, long offset, int lines) {
        String[] all = since(log, offset).split("\\R");
        int from = Math.max(0, all.length - lines);
        return String.join(System.lineSeparator(), Arrays.copyOfRange(all, from, all.length));
    }
}
