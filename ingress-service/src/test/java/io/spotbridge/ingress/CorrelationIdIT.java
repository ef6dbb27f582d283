package io.spotbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.UserEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The correlation id of a SCIM request travels with the event it causes (body and header) and comes back to the caller. */
@IngressIT
class CorrelationIdIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker kafka;

	@Test
	void theRequestsCorrelationIdIsEchoedAndCarriedByTheEvent() {
		ScimClient okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> okta.get("/Users").expectStatus().isOk());

		okta.http().post().uri("/Users").header("X-Correlation-Id", "okta-req-42")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ScimClient.oktaUser("correlated@example.com", "C", "D"))
			.exchange().expectStatus().isCreated().expectHeader().valueEquals("X-Correlation-Id", "okta-req-42");

		var record = TopicProbe.readAll(kafka.getBrokersAsString(), "scim.user-events").stream()
			.filter(r -> ((UserEvent) new EventCodec().decode(r.value())).user().userName()
				.equals("correlated@example.com"))
			.findFirst().orElseThrow();
		assertThat(new EventCodec().decode(record.value()).correlationId()).isEqualTo("okta-req-42");
		assertThat(new String(record.headers().lastHeader("x-correlation-id").value(), StandardCharsets.UTF_8))
			.isEqualTo("okta-req-42");
		okta.get("/Users?count=1").expectHeader().exists("X-Correlation-Id");
	}

}
