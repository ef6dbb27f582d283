package io.spotbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant over its request rate gets 429 with an integer Retry-After, as Okta honours it. */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0",
				"bridge.spot-token=" + IngressIT.SPOT_TOKEN,
				"bridge.tenants.acme.token-sha256[0]=" + IngressIT.ACME_TOKEN_SHA256,
				"bridge.tenants.acme.requests-per-second=1000", "bridge.rate-limit.requests-per-second=5" })
@EmbeddedKafka(partitions = 1)
class RateLimitIT {

	@LocalServerPort
	int port;

	@Test
	void aTenantOverItsRateIsAnswered429WithRetryAfterAndOthersAreUnaffected() {
		ScimClient okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> okta.get("/Users").expectStatus().isOk());

		EntityExchangeResult<byte[]> limited = null;
		for (int i = 0; i < 50 && limited == null; i++) {
			var result = okta.get("/Users?count=1").expectBody().returnResult();
			if (result.getStatus().value() == 429) {
				limited = result;
			}
		}

		assertThat(limited).as("a 429 within 50 rapid requests at 5/s").isNotNull();
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).matches("[1-9]\\d*");
		assertThat(new String(limited.getResponseBody())).contains("\"status\":\"429\"");
		ScimClient.of(port, IngressIT.ACME_TOKEN).get("/Users").expectStatus().isOk();
	}

}
