package io.spotbridge.simulator.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;
import tools.jackson.databind.JsonNode;

/**
 * Applies the body of {@code POST /simulator/faults} to the current faults: fields not given keep their value, a
 * field given as {@code null} goes back to its default, an unknown or out-of-range field is a 400.
 */
final class FaultsPatch {

    private FaultsPatch() {
    }

    static Faults apply(Faults current, JsonNode patch, Instant now) {
        Faults none = Faults.none();
        for (String field : patch.propertyNames()) {
            if (!Set.of("errorRate", "errorStatus", "latencyMs", "outageSeconds", "rateLimitPerMinute",
                    "rejectEmailsMatching", "revokedTokens").contains(field)) {
                throw invalid(field, "is not a known fault");
            }
        }
        double errorRate = value(patch, "errorRate", current.errorRate(), none.errorRate(),
                (node) -> number(node, "errorRate", 0, 1).doubleValue());
        int errorStatus = value(patch, "errorStatus", current.errorStatus(), none.errorStatus(),
                (node) -> number(node, "errorStatus", 400, 599).intValue());
        Duration latency = value(patch, "latencyMs", current.latency(), none.latency(),
                (node) -> Duration.ofMillis(number(node, "latencyMs", 0, 600_000).longValue()));
        Instant outageUntil = value(patch, "outageSeconds", current.outageUntil(), none.outageUntil(),
                (node) -> now.plusMillis(Math.round(number(node, "outageSeconds", 0, 86_400).doubleValue() * 1000)));
        int rateLimit = value(patch, "rateLimitPerMinute", current.rateLimitPerMinute(), none.rateLimitPerMinute(),
                (node) -> number(node, "rateLimitPerMinute", 0, Integer.MAX_VALUE).intValue());
        Optional<Pattern> rejectEmails = value(patch, "rejectEmailsMatching", current.rejectEmailsMatching(),
                none.rejectEmailsMatching(), (node) -> Optional.of(regex(node)));
        Set<String> revoked = value(patch, "revokedTokens", current.revokedTokens(), none.revokedTokens(),
                FaultsPatch::tokens);
        return new Faults(errorRate, errorStatus, latency, outageUntil, rateLimit, rejectEmails, revoked);
    }

    private static <T> T value(JsonNode patch, String field, T current, T reset, Function<JsonNode, T> parse) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        return node.isNull() ? reset : parse.apply(node);
    }

    private static Number number(JsonNode node, String field, double min, double max) {
        if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
            throw invalid(field, "must be a number from " + format(min) + " to " + format(max));
        }
        return node.numberValue();
    }

    private static Pattern regex(JsonNode node) {
        if (!node.isString()) {
            throw invalid("rejectEmailsMatching", "must be a regular expression");
        }
        try {
            return Pattern.compile(node.stringValue());
        }
        catch (PatternSyntaxException ex) {
            throw invalid("rejectEmailsMatching", "is not a valid regular expression: " + ex.getDescription());
        }
    }

    private static Set<String> tokens(JsonNode node) {
        Set<String> tokens = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach((element) -> {
                if (!element.isString()) {
                    throw invalid("revokedTokens", "must be a list of tokens");
                }
                tokens.add(element.stringValue());
            });
            return tokens;
        }
        throw invalid("revokedTokens", "must be a list of tokens");
    }

    private static String format(double bound) {
        return (bound == Math.rint(bound)) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static SpotApiException invalid(String field, String problem) {
        return SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, field + " " + problem, field);
    }

}
