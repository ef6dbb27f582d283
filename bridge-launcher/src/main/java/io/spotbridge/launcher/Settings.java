package io.spotbridge.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, read from the environment ({@link Setting} names the variables and their defaults).
 *
 * @param dataDir               absolute data directory
 * @param kafkaControllerPort   0 = choose a free port at start
 * @param scimToken             the token Okta sends, when given; otherwise one is generated (see {@link ScimToken})
 * @param spotToken             the real Spot token; only meaningful with {@code spotApiUrl} ({@link #realSpot()})
 * @param spotApiUrl            the real Spot API base URL, without a trailing slash
 * @param javaOptions           extra JVM options of the Spring Boot services
 */
record Settings(Path dataDir, int scimPort, int ingressManagementPort, int workerManagementPort, int workerPort,
        int spotSimPort, int kafkaPort, int kafkaControllerPort, String bindAddress, Optional<String> scimToken,
        Optional<String> spotToken, Optional<String> spotApiUrl, String kafkaHeap, List<String> javaOptions,
        Duration startupTimeout) {

    /** The address the broker always listens on (the testkit broker binds its listeners to loopback). */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Reads the settings.
     *
     * @param env the environment ({@code System.getenv()})
     * @param cwd the directory a relative {@code BRIDGE_DATA_DIR} is resolved against
     * @throws LauncherException (exit code 2) naming the setting when a value is not valid
     */
    static Settings fromEnvironment(Map<String, String> env, Path cwd) {
        Path dataDir = cwd.resolve(Setting.BRIDGE_DATA_DIR.fromOrDefault(env)).toAbsolutePath().normalize();
        Optional<String> spotApiUrl = Setting.SPOT_API_URL.from(env).map(Settings::validUrl);
        String kafkaHeap = Setting.KAFKA_HEAP.fromOrDefault(env);
        if (!kafkaHeap.matches("[0-9]+[kKmMgG]?")) {
            throw invalid(Setting.KAFKA_HEAP, kafkaHeap, "a heap size such as 512m or 1g");
        }
        String bind = Setting.BIND_ADDRESS.fromOrDefault(env);
        if (!bind.matches("[0-9A-Za-z.:%\\[\\]-]+")) {
            throw invalid(Setting.BIND_ADDRESS, bind, "an IP address or host name such as 127.0.0.1 or 0.0.0.0");
        }
        String controllerPort = Setting.KAFKA_CONTROLLER_PORT.fromOrDefault(env);
        return new Settings(dataDir,
                port(env, Setting.SCIM_PORT),
                port(env, Setting.INGRESS_MANAGEMENT_PORT),
                port(env, Setting.WORKER_MANAGEMENT_PORT),
                port(env, Setting.WORKER_PORT),
                port(env, Setting.SPOT_SIM_PORT),
                port(env, Setting.KAFKA_PORT),
                controllerPort.isEmpty() ? 0 : port(env, Setting.KAFKA_CONTROLLER_PORT),
                bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind,
                Setting.SCIM_TOKEN.from(env).map(token -> validToken(Setting.SCIM_TOKEN, token)),
                Setting.SPOT_TOKEN.from(env).map(token -> validToken(Setting.SPOT_TOKEN, token)),
                spotApiUrl,
                kafkaHeap,
                Arrays.stream(Setting.BRIDGE_JAVA_OPTS.fromOrDefault(env).split("\\s+")).filter(s -> !s.isEmpty())
                        .toList(),
                Duration.ofSeconds(positive(env, Setting.BRIDGE_STARTUP_TIMEOUT)));
    }

    /** True when SPOT_TOKEN and SPOT_API_URL are both set: the worker talks to the real Spot API, no simulator runs. */
    boolean realSpot() {
        return spotToken.isPresent() && spotApiUrl.isPresent();
    }

    /** A note for the user when only one of SPOT_TOKEN and SPOT_API_URL is set (and so both are ignored). */
    Optional<String> halfConfiguredSpotWarning() {
        if (spotToken.isPresent() == spotApiUrl.isPresent()) {
            return Optional.empty();
        }
        String set = spotToken.isPresent() ? "SPOT_TOKEN" : "SPOT_API_URL";
        String missing = spotToken.isPresent() ? "SPOT_API_URL" : "SPOT_TOKEN";
        return Optional.of(set + " is set but " + missing + " is not: using the Spot simulator (set both to use the"
                + " real Spot API)");
    }

    /**
     * The host to put in URLs for the services: the bind address, or 127.0.0.1 when they listen on every interface.
     * IPv6 literals come in brackets.
     */
    String urlHost() {
        if (isWildcard(bindAddress)) {
            return LOOPBACK;
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
    }

    private static int port(Map<String, String> env, Setting setting) {
        String value = setting.fromOrDefault(env);
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, value, "a port number from 1 to 65535");
    }

    private static long positive(Map<String, String> env, Setting setting) {
        String value = setting.fromOrDefault(env);
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, value, "a positive number of seconds");
    }

    private static String validUrl(String value) {
        String url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(Setting.SPOT_API_URL, value, "an http(s) URL such as https://api.spotinst.io");
    }

    private static String validToken(Setting setting, String token) {
        if (token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return token;
        }
        // never echo a token
        throw new LauncherException(setting.name() + " must be printable ASCII without spaces", 2);
    }

    private static LauncherException invalid(Setting setting, String value, String expected) {
        return new LauncherException(setting.name() + "=" + value + " is not valid: expected " + expected, 2);
    }
}
