package io.spotbridge.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point of {@code bin/bridge}: {@code local}, {@code status}, {@code stop}, {@code dead-letters},
 * {@code replay}, {@code help}. Only {@code dead-letters} and {@code replay} take arguments. Problems the user
 * can fix are reported as one line on stderr (no stack trace): exit code 2 for usage and settings, 1 otherwise.
 */
public final class BridgeCli {

    private BridgeCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Path.of("").toAbsolutePath(), Console.system()));
    }

    /**
     * Runs one command and returns the exit code; {@code local} returns only when it could not start.
     *
     * @param env the environment the settings come from
     * @param cwd what a relative BRIDGE_DATA_DIR is relative to
     */
    static int run(String[] args, Map<String, String> env, Path cwd, Console console) {
        String command = args.length == 0 ? "help" : args[0];
        boolean takesArguments = command.equals(AdminCommand.DEAD_LETTERS) || command.equals(AdminCommand.REPLAY);
        if (args.length > 1 && !takesArguments) {
            console.error("'" + command + "' takes no arguments, got " + Arrays.toString(Arrays.copyOfRange(args, 1,
                    args.length)) + "; settings are environment variables (bin/bridge help)");
            return 2;
        }
        try {
            return switch (command) {
                case "local" -> new LocalStack(Settings.fromEnvironment(env, cwd), Artifacts.locate(), console).run();
                case "status" -> new StatusCommand(Settings.fromEnvironment(env, cwd), console).run();
                case "stop" -> new StopCommand(Settings.fromEnvironment(env, cwd), console).run();
                case AdminCommand.DEAD_LETTERS, AdminCommand.REPLAY -> AdminCommand.run(command,
                        Arrays.asList(args).subList(1, args.length), env, cwd, console);
                case "help", "-h", "--help" -> {
                    console.plain(Help.text());
                    yield 0;
                }
                default -> {
                    console.error("unknown command '" + command
                            + "': use local, status, stop, dead-letters, replay or help");
                    yield 2;
                }
            };
        } catch (LauncherException e) {
            console.error(e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
