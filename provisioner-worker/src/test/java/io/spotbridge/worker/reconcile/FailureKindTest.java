package io.spotbridge.worker.reconcile;

import java.time.Duration;

import io.spotbridge.model.EventCodecException;
import io.spotbridge.worker.spot.CallBlockedException;
import io.spotbridge.worker.spot.CredentialsRejectedException;
import io.spotbridge.worker.spot.PermanentSpotException;
import io.spotbridge.worker.spot.RateLimitedException;
import io.spotbridge.worker.spot.TransientSpotException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

	@Test
	void whatCanNeverBeAppliedIsPermanent() {
		assertThat(FailureKind.of(new PermanentSpotException("POST /setup/user", 400, "VALIDATION_ERROR", "no")))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(FailureKind.of(new EventCodecException("garbage"))).isEqualTo(FailureKind.PERMANENT);
		assertThat(FailureKind.of(new UnprocessableEventException("no email"))).isEqualTo(FailureKind.PERMANENT);
	}

	@Test
	void rejectedTokensAndOpenGatesWaitInsteadOfDeadLettering() {
		assertThat(FailureKind.of(new CredentialsRejectedException("acme", "GET /x", 401)))
			.isEqualTo(FailureKind.CREDENTIALS);
		assertThat(FailureKind.of(new CallBlockedException("acme", "GET /x", CallBlockedException.Gate.CREDENTIALS)))
			.isEqualTo(FailureKind.CREDENTIALS);
		assertThat(FailureKind.of(new CallBlockedException("acme", "GET /x", CallBlockedException.Gate.OUTAGE)))
			.isEqualTo(FailureKind.OUTAGE);
	}

	@Test
	void rateLimitsTransientAndUnknownFailuresAreRetried() {
		assertThat(FailureKind.of(new RateLimitedException("GET /x", Duration.ofSeconds(3))))
			.isEqualTo(FailureKind.RATE_LIMITED);
		assertThat(FailureKind.of(new TransientSpotException("GET /x", 503, "down"))).isEqualTo(FailureKind.TRANSIENT);
		assertThat(FailureKind.of(new IllegalStateException("bug?"))).isEqualTo(FailureKind.TRANSIENT);
	}

}
