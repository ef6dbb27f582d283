package io.spotbridge.ingress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.UserEvent;
import io.spotbridge.testkit.StandaloneKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away mid-way (a real broker process, stopped and started again): writes answer 503 with
 * Retry-After within the configured bound and never 2xx, reads keep working from the directory, the event loop stays
 * free, and writes recover by themselves. Every write answered 2xx is in the topic.
 */
class KafkaOutageIT {

	static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);

	static StandaloneKafkaBroker broker;

	static RunningIngress ingress;

	static ScimClient okta;

	@BeforeAll
	static void start() {
		broker = StandaloneKafkaBroker.builder().fastStartup().build();
		broker.start();
		ingress = RunningIngress.start(broker.bootstrapServers(), "bridge.write-timeout=" + WRITE_TIMEOUT.toSeconds() + "s",
				"bridge.topics.partitions=2");
		okta = ingress.client(IngressIT.SPOT_TOKEN);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> okta.get("/Users").expectStatus().isOk());
	}

	@AfterAll
	static void stop() {
		if (ingress != null) {
			ingress.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void writesFailFastDuringAnOutageReadsContinueAndWritesRecover() {
		List<String> acknowledged = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			acknowledged.add(okta.createUser("before" + i + "@example.com"));
		}

		broker.stop();

		long started = System.nanoTime();
		EntityExchangeResult<byte[]> refused = okta.post("/Users", ScimClient.oktaUser("during@example.com", "D", "O"))
			.expectStatus().isEqualTo(503)
			.expectHeader().valueMatches("Retry-After", "\\d+")
			.expectBody().jsonPath("$.status").isEqualTo("503").returnResult();
		Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
		assertThat(answeredIn).as("503 within the write timeout (plus scheduling slack)")
			.isLessThan(WRITE_TIMEOUT.plusSeconds(3));
		assertThat(refused.getResponseBody()).isNotNull();

		var management = org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + ingress.managementPort()).build();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management.get().uri("/actuator/health/readiness")
			.exchange().expectStatus().isEqualTo(503).expectBody().jsonPath("$.components.kafka.status").isEqualTo("DOWN"));
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

		okta.get("/Users/" + acknowledged.get(0)).expectStatus().isOk();
		okta.get("/Users?filter=userName eq \"before1@example.com\"").expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isEqualTo(1);
		okta.patch("/Users/" + acknowledged.get(1),
				"{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus().isEqualTo(503);
		okta.get("/Users/" + acknowledged.get(1)).expectStatus().isOk().expectBody().jsonPath("$.active")
			.isEqualTo(true);

		broker.start();

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
				() -> okta.post("/Users", ScimClient.oktaUser("after@example.com", "A", "F")).expectStatus().isCreated());
		acknowledged.add(okta.get("/Users?filter=userName eq \"after@example.com\"").expectBody().returnResult()
			.getResponseBody() == null ? null : idOf("after@example.com"));
		okta.patch("/Users/" + acknowledged.get(1),
				"{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management.get().uri("/actuator/health/readiness")
			.exchange().expectStatus().isOk());

		Set<String> inTopic = TopicProbe.readAll(broker.bootstrapServers(), "scim.user-events").stream()
			.map(record -> ((UserEvent) new EventCodec().decode(record.value())).user().id())
			.collect(Collectors.toSet());
		assertThat(inTopic).containsAll(acknowledged);
	}

	@Test
	void aPendingWriteDoesNotHoldUpReads() {
		broker.stop();
		try {
			var pendingWrite = Mono.fromRunnable(() -> okta.post("/Users",
					ScimClient.oktaUser("pending@example.com", "P", "W")).expectStatus().isEqualTo(503))
				.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
				.toFuture();

			for (int i = 0; i < 20; i++) {
				long started = System.nanoTime();
				okta.get("/Users?count=5").expectStatus().isOk();
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WRITE_TIMEOUT);
			}
			assertThat(pendingWrite).succeedsWithin(WRITE_TIMEOUT.plusSeconds(5));
		}
		finally {
			broker.start();
		}
	}

	private static String idOf(String userName) {
		byte[] body = okta.get("/Users?filter=userName eq \"" + userName + "\"").expectBody().returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(body).path("Resources").path(0).path("id").asString();
	}

}
