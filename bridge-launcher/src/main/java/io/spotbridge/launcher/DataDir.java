package io.spotbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one local stack.
 *
 * <pre>
 * $BRIDGE_DATA_DIR/
 *   kafka/            the broker's data directory (topics, offsets; kafka/broker.log is the broker's own log)
 *   logs/NAME.log     stdout and stderr of each component, appended across starts
 *   scim-token        the generated SCIM token (owner-only), kept so that a restart keeps it
 *   admin-token       the generated admin token of the worker's admin API (owner-only), kept across restarts
 *   local.json        where everything runs, written when all components are ready, removed at stop
 *   launcher.pids     pids of the launcher and its children while it runs (for stop, status, leftovers)
 *   launcher.lock     locked by the running launcher: one stack per data directory
 * </pre>
 */
record DataDir(Path root) {

    Path kafka() {
        return root.resolve("kafka");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    Path scimToken() {
        return root.resolve("scim-token");
    }

    Path adminToken() {
        return root.resolve("admin-token");
    }

    Path localJson() {
        return root.resolve("local.json");
    }

    Path pids() {
        return root.resolve("launcher.pids");
    }

    Path lock() {
        return root.resolve("launcher.lock");
    }

    void create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(kafka());
        } catch (IOException e) {
            throw new LauncherException("Cannot create the data directory " + root + " (BRIDGE_DATA_DIR): " + e.getMessage());
        }
    }

    /** Writes {@code name=pid} lines, the launcher first; replaces the file atomically. */
    void writePids(long launcherPid, Map<String, Long> children) {
        StringBuilder text = new StringBuilder("launcher=").append(launcherPid).append('\n');
        children.forEach((name, pid) -> text.append(name).append('=').append(pid).append('\n'));
        writeAtomically(pids(), text.toString(), false);
    }

    /** The {@code name=pid} entries of {@link #pids()}, empty if there is no such file. */
    Map<String, Long> readPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isRegularFile(pids())) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(pids(), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    try {
                        pids.put(line.substring(0, eq).trim(), Long.parseLong(line.substring(eq + 1).trim()));
                    } catch (NumberFormatException ignored) {
                        // a torn or edited line: skip it
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /**
     * Replaces {@code file} with {@code text} so that readers see the old or the new content, never a part.
     * With {@code secret}, the file is readable by its owner only.
     */
    static void writeAtomically(Path file, String text, boolean secret) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (secret) {
                createOwnerOnly(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // keep it
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
