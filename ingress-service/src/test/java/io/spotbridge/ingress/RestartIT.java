package io.spotbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka is the only state: a second ingress started on the same broker serves the same users and groups. */
@IngressIT
class RestartIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker kafka;

	@Test
	void aNewInstanceRebuildsTheSameDirectoryFromKafka() {
		ScimClient first = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> first.get("/Users").expectStatus().isOk());
		String ada = first.createUser("restart.ada@example.com");
		String bob = first.createUser("restart.bob@example.com");
		first.patch("/Users/" + bob, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus().isOk();
		first.post("/Groups", "{\"displayName\":\"Restart Group\",\"members\":[{\"value\":\"" + ada + "\"}]}")
			.expectStatus().isCreated();
		String gone = first.createUser("restart.gone@example.com");
		first.delete("/Users/" + gone).expectStatus().isNoContent();

		try (RunningIngress second = RunningIngress.start(kafka.getBrokersAsString())) {
			ScimClient other = second.client(IngressIT.SPOT_TOKEN);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> other.get("/Users").expectStatus().isOk());

			for (String path : new String[] { "/Users?count=1000", "/Groups?count=1000", "/Users/" + ada,
					"/Users/" + bob }) {
				assertThat(normalized(other, path)).as(path).isEqualTo(normalized(first, path));
			}
			other.get("/Users/" + gone).expectStatus().isNotFound();
			other.get("/Users/" + bob).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false)
				.jsonPath("$.meta.version").isEqualTo("W/\"2\"");
		}
	}

	private static JsonNode normalized(ScimClient client, String path) {
		byte[] body = client.get(path).expectStatus().isOk().expectBody().returnResult().getResponseBody();
		String withoutHost = new String(body, java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll("http://localhost:\\d+", "http://host");
		return JsonMapper.builder().build().readTree(withoutHost);
	}

}
