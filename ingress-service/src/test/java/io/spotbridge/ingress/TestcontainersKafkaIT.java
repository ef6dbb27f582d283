package io.spotbridge.ingress;

import java.time.Duration;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.UserCreated;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka integration on the official Apache Kafka image, for machines with Docker. Skipped cleanly where Docker is
 * absent; the same behaviour (write acknowledged only once in the topic) is covered on an in-process KRaft broker by
 * {@link UsersEndpointIT}, {@link SecurityIT} and on a broker process by {@link KafkaOutageIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "bridge.spot-token=" + IngressIT.SPOT_TOKEN })
class TestcontainersKafkaIT {

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@LocalServerPort
	int port;

	@Test
	void anAcknowledgedCreateIsInTheTopic() {
		ScimClient okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> okta.get("/Users").expectStatus().isOk());

		String id = okta.createUser("container@example.com");

		assertThat(TopicProbe.readAll(kafka.getBootstrapServers(), "scim.user-events"))
			.extracting(record -> new EventCodec().decode(record.value()))
			.anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(UserCreated.class,
					created -> assertThat(created.user().id()).isEqualTo(id)));
	}

}
