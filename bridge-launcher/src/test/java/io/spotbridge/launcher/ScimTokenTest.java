package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScimTokenTest {

    @Test
    void anUnsetTokenIsGeneratedUrlSafeAndKeptForTheNextStart(@TempDir Path dir) throws IOException {
        DataDir dataDir = new DataDir(dir);

        ScimToken first = ScimToken.resolve(Optional.empty(), dataDir);
        ScimToken second = ScimToken.resolve(Optional.empty(), dataDir);

        assertThat(first.generated()).isTrue();
        assertThat(first.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(second.generated()).isFalse();
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.scimToken())))
                .isEqualTo("rw-------");
    }

    @Test
    void generatedTokensDiffer() {
        assertThat(ScimToken.generate()).isNotEqualTo(ScimToken.generate());
    }

    @Test
    void scimTokenFromTheEnvironmentWinsAndIsNotWritten(@TempDir Path dir) {
        DataDir dataDir = new DataDir(dir);
        ScimToken.resolve(Optional.empty(), dataDir);

        ScimToken token = ScimToken.resolve(Optional.of("from-env"), dataDir);

        assertThat(token.value()).isEqualTo("from-env");
        assertThat(token.generated()).isFalse();
        assertThat(ScimToken.resolve(Optional.empty(), dataDir).value()).isNotEqualTo("from-env");
    }

    @Test
    void toStringDoesNotShowTheToken(@TempDir Path dir) {
        ScimToken token = ScimToken.resolve(Optional.empty(), new DataDir(dir));

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
