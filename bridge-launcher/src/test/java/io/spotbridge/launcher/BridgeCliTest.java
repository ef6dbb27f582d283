package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private int run(Map<String, String> env, String... args) {
        return BridgeCli.run(args, env, dir, console);
    }

    @Test
    void helpListsTheCommandsAndEverySetting() {
        assertThat(run(Map.of(), "help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("  local ", "  status ", "  stop ", "  dead-letters ", "  replay ", "  help ",
                "--dry-run", "--rate N/s", "--worker-url", "BRIDGE_ADMIN_TOKEN");
        for (Setting setting : Setting.values()) {
            assertThat(help).contains(setting.name());
        }
    }

    @Test
    void withoutACommandItPrintsHelp() {
        assertThat(run(Map.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Commands:");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run(Map.of(), "start")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'start'");
    }

    @Test
    void onlyDeadLettersAndReplayTakeArguments() {
        assertThat(run(Map.of(), "status", "--tenant", "acme")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'status' takes no arguments");
    }

    @Test
    void aBadSettingIsOneLineWithoutAStackTrace() {
        assertThat(run(Map.of("SCIM_PORT", "eighty"), "local")).isEqualTo(2);

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("SCIM_PORT=eighty is not valid").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(message.strip().lines()).hasSize(1);
    }

    @Test
    void statusAndStopOnAnEmptyDataDirSayNothingRuns() {
        Map<String, String> env = Map.of("BRIDGE_DATA_DIR", "data");

        assertThat(run(env, "status")).isEqualTo(3);
        assertThat(run(env, "stop")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bin/bridge is not running on " + dir.resolve("data"))
                .contains("nothing is running on " + dir.resolve("data"));
    }
}
