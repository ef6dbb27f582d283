package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration CRASHED_AT_ONCE = Duration.ofMillis(200);

    @Test
    void delaysDoubleFromOneSecondUpToThirtySeconds() {
        Backoff backoff = Backoff.forSupervision();

        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(backoff.nextDelay(CRASHED_AT_ONCE).toSeconds());
        }

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aRunThatStayedUpResetsTheDelay() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        backoff.nextDelay(CRASHED_AT_ONCE);
        backoff.nextDelay(CRASHED_AT_ONCE);
        backoff.nextDelay(CRASHED_AT_ONCE);

        assertThat(backoff.nextDelay(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nextDelay(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void eachComponentHasItsOwnSequence() {
        Backoff first = Backoff.forSupervision();
        first.nextDelay(CRASHED_AT_ONCE);
        first.nextDelay(CRASHED_AT_ONCE);

        assertThat(Backoff.forSupervision().nextDelay(CRASHED_AT_ONCE)).isEqualTo(Duration.ofSeconds(1));
    }
}
