package io.spotbridge.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/bridge dead-letters} and {@code bin/bridge replay}: the worker's admin API ({@code GET /admin/dead-letters},
 * {@code POST /admin/replay}) from the command line. The worker is the local stack's (its local.json gives
 * {@code workerUrl} and {@code adminToken}) unless {@code --worker-url} / {@code BRIDGE_WORKER_URL} and
 * {@code --admin-token} / {@code BRIDGE_ADMIN_TOKEN} name another one. The admin token is never printed.
 *
 * <p>Exit codes: 0 done; 1 the worker could not be reached or refused, or a replay parked or failed letters; 2 usage.
 */
final class AdminCommand {

    static final String DEAD_LETTERS = "dead-letters";
    static final String REPLAY = "replay";

    static final String WORKER_URL_ENV = "BRIDGE_WORKER_URL";
    static final String ADMIN_TOKEN_ENV = "BRIDGE_ADMIN_TOKEN";

    /** Longest error text shown in the table. */
    static final int ERROR_WIDTH = 60;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /**
     * What the command line asks for.
     *
     * @param rate letters per second for a replay, or null for the worker's default
     */
    record Options(String command, String tenant, String user, String error, String since, String until,
            boolean dryRun, Double rate, String workerUrl, String adminToken) {

        /** The filters (and, for a replay, dryRun and ratePerSecond) as the admin API's query parameters. */
        Map<String, String> query(String by) {
            Map<String, String> query = new LinkedHashMap<>();
            put(query, "tenant", tenant);
            put(query, "user", user);
            put(query, "error", error);
            put(query, "since", since);
            put(query, "until", until);
            if (REPLAY.equals(command)) {
                query.put("dryRun", Boolean.toString(dryRun));
                if (rate != null) {
                    query.put("ratePerSecond", formatRate(rate));
                }
                put(query, "by", by);
            }
            return query;
        }

        private static void put(Map<String, String> query, String name, String value) {
            if (value != null) {
                query.put(name, value);
            }
        }

        @Override
        public String toString() {
            return "Options[" + command + ", tenant=" + tenant + ", user=" + user + ", error=" + error + ", since="
                    + since + ", until=" + until + ", dryRun=" + dryRun + ", rate=" + rate + ", workerUrl="
                    + workerUrl + "]"; // never the token
        }
    }

    /** Where to send the call. */
    record Target(URI workerUrl, String adminToken) {

        @Override
        public String toString() {
            return "Target[" + workerUrl + "]"; // never the token
        }
    }

    private AdminCommand() {
    }

    /** Runs {@code dead-letters} or {@code replay} with the arguments after the command; returns the exit code. */
    static int run(String command, List<String> args, Map<String, String> env, Path cwd, Console console)
            throws InterruptedException {
        Options options = parse(command, args);
        Target target = target(options, env, cwd);
        if (DEAD_LETTERS.equals(command)) {
            Object answer = call(CLIENT, target, "GET", "/admin/dead-letters", options.query(null),
                    Duration.ofSeconds(60));
            List<Map<String, Object>> letters = objects(answer, "dead letters");
            console.plain(table(letters));
            return 0;
        }
        Object answer = call(CLIENT, target, "POST", "/admin/replay", options.query(by(env)), Duration.ofMinutes(30));
        if (!(answer instanceof Map)) {
            throw new LauncherException("the worker answered something that is not a replay summary");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) answer;
        console.plain(replayReport(summary));
        return number(summary.get("parked")) + number(summary.get("failed")) > 0 ? 1 : 0;
    }

    /** Parses the arguments after the command; usage errors are {@link LauncherException}s with exit code 2. */
    static Options parse(String command, List<String> args) {
        String tenant = null;
        String user = null;
        String error = null;
        String since = null;
        String until = null;
        boolean dryRun = false;
        Double rate = null;
        String workerUrl = null;
        String adminToken = null;
        boolean replay = REPLAY.equals(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (name.equals("--dry-run") && replay) {
                if (value != null) {
                    throw usage(command, "--dry-run takes no value");
                }
                dryRun = true;
                continue;
            }
            if (!List.of("--tenant", "--user", "--error", "--since", "--until", "--worker-url", "--admin-token")
                    .contains(name) && !(replay && name.equals("--rate"))) {
                throw usage(command, "unknown argument '" + printable(name) + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw usage(command, name + " needs a value");
                }
                value = args.get(++i);
            }
            if (value.isBlank()) {
                throw usage(command, name + " needs a value");
            }
            switch (name) {
                case "--tenant" -> tenant = value;
                case "--user" -> user = value;
                case "--error" -> error = value;
                case "--since" -> since = instant(command, name, value);
                case "--until" -> until = instant(command, name, value);
                case "--rate" -> rate = rate(command, value);
                case "--worker-url" -> workerUrl = value;
                default -> adminToken = value;
            }
        }
        return new Options(command, tenant, user, error, since, until, dryRun, rate, workerUrl, adminToken);
    }

    private static String instant(String command, String name, String value) {
        try {
            return Instant.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw usage(command, name + " " + printable(value) + " is not an ISO instant (e.g. 2026-01-31T12:00:00Z)");
        }
    }

    /** {@code N/s} or {@code N}: letters per second, more than 0. */
    static Double rate(String command, String value) {
        String number = value.trim();
        if (number.endsWith("/s")) {
            number = number.substring(0, number.length() - 2).trim();
        }
        try {
            double rate = Double.parseDouble(number);
            if (rate > 0 && !Double.isInfinite(rate) && number.matches("[0-9.]+")) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw usage(command, "--rate " + printable(value) + " is not a rate: use N/s or N, more than 0 (e.g. 5/s)");
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static LauncherException usage(String command, String problem) {
        return new LauncherException("bin/bridge " + command + ": " + problem + " (bin/bridge help)", 2);
    }

    /**
     * The worker and token to use: the flags, else {@code BRIDGE_WORKER_URL} / {@code BRIDGE_ADMIN_TOKEN}, else the
     * local stack's local.json.
     */
    static Target target(Options options, Map<String, String> env, Path cwd) {
        String url = firstPresent(options.workerUrl(), env.get(WORKER_URL_ENV));
        String token = firstPresent(options.adminToken(), env.get(ADMIN_TOKEN_ENV));
        if (url == null || token == null) {
            Path dataDir = Settings.fromEnvironment(env, cwd).dataDir();
            Path file = new DataDir(dataDir).localJson();
            Optional<LocalJson> local = LocalJson.read(file);
            if (local.isEmpty()) {
                throw new LauncherException("bin/bridge is not running on " + dataDir + " (no " + file + "): start it"
                        + " with bin/bridge local, or name a worker with --worker-url and --admin-token (or "
                        + WORKER_URL_ENV + " and " + ADMIN_TOKEN_ENV + ")");
            }
            if (url == null) {
                url = local.get().workerUrl();
                if (url == null) {
                    throw new LauncherException("the local stack on " + dataDir + " runs no worker (not built, or"
                            + " started by an older bin/bridge): build it and restart bin/bridge local");
                }
            }
            if (token == null) {
                token = local.get().adminToken();
                if (token == null) {
                    throw new LauncherException("local.json on " + dataDir + " has no admin token: restart bin/bridge"
                            + " local, or give --admin-token (or " + ADMIN_TOKEN_ENV + ")");
                }
            }
        }
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new LauncherException("the worker URL " + printable(url) + " is not a URL", 2);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new LauncherException("the worker URL " + printable(url) + " is not an http(s) URL", 2);
        }
        return new Target(uri, token.trim());
    }

    private static String firstPresent(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }

    /** Who asks, for the worker's replay log and {@code x-replayed-by}. */
    private static String by(Map<String, String> env) {
        String user = firstPresent(env.get("USER"), System.getProperty("user.name"));
        return "bin/bridge" + (user == null ? "" : ":" + user);
    }

    /**
     * Calls the admin API and returns the parsed JSON answer.
     *
     * @throws LauncherException with one line naming the problem (never the token) when there is no 2xx JSON answer
     */
    static Object call(HttpClient client, Target target, String method, String path, Map<String, String> query,
            Duration timeout) throws InterruptedException {
        StringBuilder uri = new StringBuilder(target.workerUrl().toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout)
                .header("Authorization", "Bearer " + target.adminToken()).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            throw new LauncherException("cannot reach the worker at " + target.workerUrl() + ": " + oneLine(reason));
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new LauncherException("the worker at " + target.workerUrl() + " answered " + response.statusCode()
                    + " to " + method + " " + path + ": " + reason(response.statusCode(), body));
        }
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new LauncherException("the worker at " + target.workerUrl() + " answered " + method + " " + path
                    + " with something that is not JSON: " + truncate(oneLine(body), 80));
        }
    }

    private static String reason(int status, String body) {
        String reason = null;
        try {
            Object parsed = Json.parse(body);
            if (parsed instanceof Map<?, ?> map && map.get("error") != null) {
                reason = String.valueOf(map.get("error"));
            }
        } catch (IllegalArgumentException ignored) {
            // not JSON: the body itself
        }
        if (reason == null) {
            reason = body.isBlank() ? "(no details)" : body;
        }
        reason = truncate(oneLine(reason), 120);
        if (status == 401 || status == 403) {
            reason += " (check --admin-token / " + ADMIN_TOKEN_ENV + ", or the local stack's local.json)";
        } else if (status == 404) {
            reason += " (is this the worker's server port, WORKER_PORT, with the admin API?)";
        }
        return reason;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object answer, String what) {
        if (!(answer instanceof List<?> list)) {
            throw new LauncherException("the worker answered something that is not a list of " + what);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map) {
                objects.add((Map<String, Object>) item);
            }
        }
        return objects;
    }

    /** The dead letters as a table with a header; a line saying so when there are none. */
    static String table(List<Map<String, Object>> letters) {
        List<String> header = List.of("TENANT", "USER/GROUP", "EVENT", "VERSION", "ERROR", "ATTEMPTS", "FIRST FAILURE",
                "REPLAYED", "SUPERSEDED");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Map<String, Object> letter : letters) {
            String errorClass = text(letter.get("errorClass"));
            String simpleClass = errorClass.substring(errorClass.lastIndexOf('.') + 1);
            String message = text(letter.get("errorMessage"));
            String error = message.isEmpty() ? simpleClass : simpleClass + ": " + message;
            rows.add(List.of(text(letter.get("tenant")), text(letter.get("userId")), text(letter.get("eventType")),
                    text(letter.get("version")), truncate(error, ERROR_WIDTH), text(letter.get("attempts")),
                    instant(letter.get("firstFailure")), text(letter.get("replayCount")),
                    Boolean.TRUE.equals(letter.get("superseded")) ? "yes" : "no"));
        }
        String table = columns(rows);
        return letters.isEmpty() ? table + "\n(no dead letters)"
                : table + "\n" + letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s");
    }

    /** One line per decision the worker reports, then the summary line. */
    static String replayReport(Map<String, Object> summary) {
        StringBuilder report = new StringBuilder();
        boolean dryRun = Boolean.TRUE.equals(summary.get("dryRun"));
        if (summary.get("items") instanceof List<?> items && !items.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("OUTCOME", "TENANT", "USER/GROUP", "VERSION", "DLT OFFSET", "DETAIL"));
            for (Object item : items) {
                if (item instanceof Map<?, ?> decision) {
                    String outcome = text(decision.get("outcome"));
                    if (dryRun && outcome.equals("replayed")) {
                        outcome = "would replay";
                    }
                    rows.add(List.of(outcome, text(decision.get("tenant")), text(decision.get("userId")),
                            text(decision.get("version")),
                            text(decision.get("partition")) + "@" + text(decision.get("offset")),
                            truncate(text(decision.get("detail")), 80)));
                }
            }
            report.append(columns(rows)).append('\n');
        }
        report.append("replayed ").append(number(summary.get("replayed")))
                .append(", superseded ").append(number(summary.get("superseded")))
                .append(", parked ").append(number(summary.get("parked")))
                .append(", failed ").append(number(summary.get("failed")));
        if (dryRun) {
            report.append(" (dry run: nothing was re-published)");
        }
        return report.toString();
    }

    private static String columns(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
            }
            out.append(out.length() > 0 ? "\n" : "").append(line.toString().stripTrailing());
        }
        return out.toString();
    }

    private static String instant(Object value) {
        if (value instanceof Number number) {
            double seconds = number.doubleValue();
            return Instant.ofEpochSecond((long) Math.floor(seconds), Math.round((seconds - Math.floor(seconds)) * 1e9))
                    .toString();
        }
        return value == null ? "-" : printable(value.toString());
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return printable(value.toString());
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    /** Control characters (a crafted message must not steer the terminal) shown as '?', whitespace as a space. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isWhitespace(c) ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    private static String oneLine(String value) {
        return printable(value).strip();
    }

    static String truncate(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 3) + "...";
    }
}
