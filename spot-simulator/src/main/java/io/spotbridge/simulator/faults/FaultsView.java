package io.spotbridge.simulator.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The faults as {@code /simulator/faults} shows them; {@code outageSeconds} is what is left of the outage. */
record FaultsView(double errorRate, int errorStatus, long latencyMs, long outageSeconds, Optional<String> outageUntil,
        int rateLimitPerMinute, Optional<String> rejectEmailsMatching, List<String> revokedTokens) {

    static FaultsView of(Faults faults, Instant now) {
        boolean outage = faults.outageAt(now);
        long outageSeconds = outage ? (Duration.between(now, faults.outageUntil()).toMillis() + 999) / 1000 : 0;
        return new FaultsView(faults.errorRate(), faults.errorStatus(), faults.latency().toMillis(), outageSeconds,
                outage ? Optional.of(faults.outageUntil().toString()) : Optional.empty(), faults.rateLimitPerMinute(),
                faults.rejectEmailsMatching().map(Pattern::pattern), faults.revokedTokens().stream().sorted().toList());
    }

}
