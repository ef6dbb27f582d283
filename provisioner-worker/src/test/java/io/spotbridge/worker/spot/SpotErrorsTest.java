package io.spotbridge.worker.spot;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpotErrorsTest {

	private static final String ROUTE = SpotClient.CREATE_USER;

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void rejectedCredentialsNameTheTenantAndStatus(int status) {
		SpotException error = SpotErrors.fromReply("acme", ROUTE, reply(status, ""));

		assertThat(error).isInstanceOf(CredentialsRejectedException.class)
			.hasMessage("Spot rejected the token for tenant acme (" + status + ")");
	}

	@Test
	void notFoundMeansTheUserIsGone() {
		assertThat(SpotErrors.fromReply("acme", SpotClient.GET_USER, reply(404, ""))).isInstanceOf(SpotNotFoundException.class);
	}

	@Test
	void tooManyRequestsCarriesTheResetAsTheLeastWait() {
		SpotReply reply = new SpotReply(429, OptionalLong.of(0), OptionalLong.of(42), new byte[0]);

		SpotException error = SpotErrors.fromReply("acme", ROUTE, reply);

		assertThat(error).isInstanceOf(RateLimitedException.class);
		assertThat(((RateLimitedException) error).reset()).isEqualTo(Duration.ofSeconds(42));
		assertThat(error).isInstanceOf(TransientSpotException.class);
	}

	@Test
	void tooManyRequestsWithoutResetWaitsASecond() {
		RateLimitedException error = (RateLimitedException) SpotErrors.fromReply("acme", ROUTE, reply(429, ""));

		assertThat(error.reset()).isEqualTo(Duration.ofSeconds(1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 408, 409 })
	void serverErrorsTimeoutsAndConflictsAreTransient(int status) {
		SpotException error = SpotErrors.fromReply("acme", ROUTE, reply(status,
				"{\"response\":{\"errors\":[{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"x\"}]}}"));

		assertThat(error).isExactlyInstanceOf(TransientSpotException.class).hasMessageContaining(Integer.toString(status));
	}

	@Test
	void otherClientErrorsArePermanentWithSpotsCodeAndMessage() {
		SpotException error = SpotErrors.fromReply("acme", ROUTE, reply(400,
				"{\"request\":{},\"response\":{\"status\":{\"code\":400},\"errors\":[{\"code\":\"VALIDATION_ERROR\","
						+ "\"message\":\"firstName must not contain +, = or @\",\"field\":\"firstName\"}]}}"));

		assertThat(error).isInstanceOf(PermanentSpotException.class)
			.hasMessage("Spot answered 400 to POST /setup/user: VALIDATION_ERROR firstName must not contain +, = or @");
		assertThat(((PermanentSpotException) error).code()).hasValue("VALIDATION_ERROR");
		assertThat(((PermanentSpotException) error).isDuplicateUser()).isFalse();
	}

	@Test
	void aTakenEmailIsRecognised() {
		PermanentSpotException error = (PermanentSpotException) SpotErrors.fromReply("acme", ROUTE, reply(400,
				"{\"response\":{\"errors\":[{\"code\":\"USER_ALREADY_EXISTS\",\"message\":\"taken\"}]}}"));

		assertThat(error.isDuplicateUser()).isTrue();
	}

	@Test
	void anUnreadableErrorBodyStillGivesAPermanentError() {
		assertThat(SpotErrors.fromReply("acme", ROUTE, reply(422, "<html>")))
			.isInstanceOf(PermanentSpotException.class)
			.hasMessageContaining("unreadable error body");
	}

	@Test
	void timeoutsAndConnectionErrorsAreTransient() {
		assertThat(SpotErrors.fromTransport(ROUTE, new TimeoutException("slow")))
			.isInstanceOf(TransientSpotException.class)
			.hasMessageContaining("timed out");
		assertThat(SpotErrors.fromTransport(ROUTE, new ConnectException("refused")))
			.isInstanceOf(TransientSpotException.class)
			.hasMessageContaining("could not connect");
	}

	private static SpotReply reply(int status, String body) {
		return new SpotReply(status, OptionalLong.empty(), OptionalLong.empty(), body.getBytes(StandardCharsets.UTF_8));
	}

}
