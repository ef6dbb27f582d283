package io.spotbridge.worker.spot;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Classifies what went wrong with a Spot call:
 * <ul>
 * <li>401, 403 -> {@link CredentialsRejectedException} (pause the tenant, never dead-letter)</li>
 * <li>404 -> {@link SpotNotFoundException} (the user is gone)</li>
 * <li>429 -> {@link RateLimitedException} with {@code X-RateLimit-Reset} (1 s when absent)</li>
 * <li>408, 409, 5xx, timeouts, connection errors, unreadable answers -> {@link TransientSpotException}</li>
 * <li>any other status -> {@link PermanentSpotException} with Spot's error code and message</li>
 * </ul>
 */
final class SpotErrors {

	static final Duration DEFAULT_RESET = Duration.ofSeconds(1);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SpotErrors() {
	}

	static SpotException fromReply(String tenant, String route, SpotReply reply) {
		int status = reply.status();
		if (status == 401 || status == 403) {
			return new CredentialsRejectedException(tenant, route, status);
		}
		if (status == 404) {
			return new SpotNotFoundException(route);
		}
		if (status == 429) {
			return new RateLimitedException(route, reply.resetDuration().orElse(DEFAULT_RESET));
		}
		if (status == 408 || status == 409 || status >= 500) {
			return new TransientSpotException(route, status, "Spot answered " + status + " to " + route + describe(reply));
		}
		SpotErrorEntry entry = firstError(reply.body());
		return new PermanentSpotException(route, status, entry.code(), entry.message());
	}

	static SpotException fromTransport(String route, Throwable error) {
		if (error instanceof SpotException spot) {
			return spot;
		}
		Throwable cause = error instanceof WebClientRequestException && error.getCause() != null ? error.getCause()
				: error;
		String what;
		if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
			what = "timed out";
		}
		else if (cause instanceof ConnectException) {
			what = "could not connect";
		}
		else {
			what = "failed: " + cause.getClass().getSimpleName();
		}
		return new TransientSpotException(route, "Spot call " + route + " " + what, error);
	}

	/** The first entry of {@code response.errors}, or the status message when there is none. */
	static SpotErrorEntry firstError(byte[] body) {
		try {
			JsonNode response = MAPPER.readTree(body).path("response");
			JsonNode first = response.path("errors").path(0);
			if (first.isObject()) {
				return new SpotErrorEntry(first.path("code").asString(""), first.path("message").asString(""));
			}
			return new SpotErrorEntry("", response.path("status").path("message").asString("no error details"));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return new SpotErrorEntry("", "unreadable error body");
		}
	}

	private static String describe(SpotReply reply) {
		SpotErrorEntry entry = firstError(reply.body());
		return entry.code().isEmpty() ? "" : " (" + entry.code() + ")";
	}

	record SpotErrorEntry(String code, String message) {
	}

}
