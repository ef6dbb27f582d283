package io.spotbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The management port serves health groups and Prometheus metrics with bounded tags only. */
@IngressIT
class MetricsIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusShowsScimRequestsPublishedEventsAndDirectorySizeWithoutIds() {
		ScimClient okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> okta.get("/Users").expectStatus().isOk());
		String id = okta.createUser("metrics.user@example.com");
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + managementPort)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();

		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.directory.status").isEqualTo("UP")
			.jsonPath("$.components.kafka.status").isEqualTo("UP");
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(scrape)
			.contains("bridge_ingress_scim_requests_seconds_bucket")
			.containsPattern("bridge_ingress_scim_requests_seconds_count\\{.*operation=\"users.create\".*status=\"201\".*tenant=\"default\"")
			.containsPattern("bridge_ingress_events_published_total\\{.*outcome=\"published\".*type=\"UserCreated\"")
			.containsPattern("bridge_ingress_directory_users\\{.*tenant=\"default\"")
			.contains("application=\"ingress-service\"")
			.doesNotContain(id)
			.doesNotContain("metrics.user@example.com");
	}

}
