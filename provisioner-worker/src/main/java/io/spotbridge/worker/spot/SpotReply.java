package io.spotbridge.worker.spot;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One HTTP answer from Spot, before interpretation.
 *
 * @param status    the HTTP status
 * @param remaining {@code X-RateLimit-Remaining}, when sent
 * @param reset     {@code X-RateLimit-Reset} in seconds, when sent
 * @param body      the body; empty when none
 */
record SpotReply(int status, OptionalLong remaining, OptionalLong reset, byte[] body) {

	Optional<Duration> resetDuration() {
		return reset.isPresent() ? Optional.of(Duration.ofSeconds(Math.max(0, reset.getAsLong()))) : Optional.empty();
	}

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

}
