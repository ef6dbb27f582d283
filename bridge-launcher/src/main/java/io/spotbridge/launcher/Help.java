package io.spotbridge.launcher;

import java.util.ArrayList;
import java.util.List;

/** {@code bin/bridge help}. */
final class Help {

    private Help() {
    }

    static String text() {
        StringBuilder text = new StringBuilder()
                .append("bin/bridge: runs the Okta-to-Spot bridge on this machine, no Docker needed.\n\n")
                .append("Commands:\n")
                .append("  local    build what is missing, then start Kafka, the Spot simulator, the SCIM ingress and the\n")
                .append("           provisioning worker as supervised processes; prints a Ready: line with the SCIM base URL\n")
                .append("           and token; a component that exits is restarted; Ctrl-C stops everything\n")
                .append("  status   what runs where, with each process's health (reads $BRIDGE_DATA_DIR/local.json)\n")
                .append("  stop     stop a stack started from another terminal and wait until nothing of it runs\n")
                .append("  dead-letters [--tenant T] [--user ID] [--error CLASS] [--since ISO] [--until ISO]\n")
                .append("           list the user and group events Spot rejected for good (the worker's dead letters) as a\n")
                .append("           table; --user ID is a SCIM user or group id\n")
                .append("  replay   [same filters] [--dry-run] [--rate N/s]\n")
                .append("           re-publish the chosen dead letters so the worker processes them again (superseded ones\n")
                .append("           are skipped, often-replayed ones parked); prints each decision and a summary; exits 1\n")
                .append("           when any was parked or failed. --dry-run shows what would happen\n")
                .append("           Both talk to the local stack's worker (local.json) unless --worker-url URL and\n")
                .append("           --admin-token TOKEN (or BRIDGE_WORKER_URL and BRIDGE_ADMIN_TOKEN) name another worker\n")
                .append("  help     this text\n\n")
                .append("Settings (environment variables):\n");
        text.append(String.format("  %-24s %-10s %s%n", "NAME", "DEFAULT", "MEANING"));
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue().isEmpty() ? "-" : setting.defaultValue();
            List<String> lines = wrap(setting.description(), 70);
            text.append(String.format("  %-24s %-10s %s%n", setting.name(), defaultValue, lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                text.append(String.format("  %-24s %-10s %s%n", "", "", line));
            }
        }
        text.append("\nFiles in $BRIDGE_DATA_DIR: local.json (URLs, token, pids; while running), logs/<component>.log,\n")
                .append("kafka/ (topics and offsets: users, groups and links survive restarts; kafka/broker.log),\n")
                .append("scim-token (the generated token), admin-token (the worker's admin API token).\n")
                .append("Example: SCIM_PORT=18080 BRIDGE_DATA_DIR=/tmp/bridge bin/bridge local\n");
        return text.toString();
    }

    /** Splits {@code text} at spaces into lines of at most {@code width} characters (longer words stay whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
