package io.spotbridge.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The bearer token Okta sends to the local ingress.
 *
 * @param value     the token
 * @param generated true when it was generated on this start (and has just been saved)
 * @param saved     true when it comes from (or was just written to) the data directory
 */
record ScimToken(String value, boolean generated, boolean saved) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * {@code SCIM_TOKEN} when set; otherwise the token saved in the data directory by an earlier start; otherwise a
     * new random one (256 bits, URL-safe Base64), saved owner-only so that the next start keeps it.
     */
    static ScimToken resolve(Optional<String> fromEnvironment, DataDir dataDir) {
        if (fromEnvironment.isPresent()) {
            return new ScimToken(fromEnvironment.get(), false, false);
        }
        try {
            if (Files.isRegularFile(dataDir.scimToken())) {
                String saved = Files.readString(dataDir.scimToken(), StandardCharsets.UTF_8).trim();
                if (!saved.isEmpty()) {
                    return new ScimToken(saved, false, true);
                }
            }
            String token = generate();
            DataDir.writeAtomically(dataDir.scimToken(), token + "\n", true);
            return new ScimToken(token, true, true);
        } catch (IOException e) {
            throw new LauncherException("Cannot read or write " + dataDir.scimToken() + ": " + e.getMessage());
        }
    }

    /** 32 random bytes from a {@link SecureRandom}, URL-safe Base64 without padding (43 characters). */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "ScimToken[generated=" + generated + ", saved=" + saved + "]"; // never the token itself
    }
}
