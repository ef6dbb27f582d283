package io.spotbridge.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The bearer token of the local worker's admin API ({@code BRIDGE_ADMIN_TOKEN} of the worker): generated at the first
 * start like the SCIM token, saved owner-only in {@code $BRIDGE_DATA_DIR/admin-token} and kept for the next starts.
 * It is never printed; {@code bin/bridge dead-letters} and {@code replay} read it from local.json.
 */
final class AdminToken {

    private AdminToken() {
    }

    static String resolve(DataDir dataDir) {
        try {
            if (Files.isRegularFile(dataDir.adminToken())) {
                String saved = Files.readString(dataDir.adminToken(), StandardCharsets.UTF_8).trim();
                if (!saved.isEmpty()) {
                    return saved;
                }
            }
            String token = ScimToken.generate();
            DataDir.writeAtomically(dataDir.adminToken(), token + "\n", true);
            return token;
        } catch (IOException e) {
            throw new LauncherException("Cannot read or write " + dataDir.adminToken() + ": " + e.getMessage());
        }
    }
}
