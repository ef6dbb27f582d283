package io.spotbridge.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.Events;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.WorkerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An email Spot refuses for good: dead-lettered with the headers that say why and where from; the rest keeps flowing. */
class DeadLetterIT {

	static final String TENANT = "letters";

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("letters").tenant(TENANT);
		spot = SharedInfra.spot();
		worker = setup.start();
		events = setup.eventTopic();
	}

	@AfterEach
	void clearFaults() {
		spot.clearFaults();
	}

	@AfterAll
	static void stop() {
		if (events != null) {
			events.close();
		}
		if (worker != null) {
			worker.close();
		}
	}

	@Test
	void aPermanentlyRejectedEmailIsDeadLetteredWithItsHeadersWhileOtherUsersKeepFlowing() {
		String token = setup.token(TENANT);
		spot.faults(Map.of("rejectEmailsMatching", "^refused-"));
		Events.UserBuilder refused = Events.user(TENANT).email("refused-" + System.nanoTime() + "@example.com");
		UserEvent rejected = refused.created();
		List<Events.UserBuilder> others = new ArrayList<>();
		List<UserEvent> batch = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Events.UserBuilder other = Events.user(TENANT);
			others.add(other);
			batch.add(other.created());
		}
		Instant published = Instant.now();
		events.publishAll(List.of(batch.get(0)));
		events.publish(rejected);
		events.publishAll(batch.subList(1, batch.size()));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(spot.users(token)).hasSize(others.size()));
		ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(10))
			.until(() -> deadLetter(refused.key()), found -> found != null);

		assertThat(header(letter, "x-original-topic")).isEqualTo(setup.userEvents());
		ConsumerRecord<String, byte[]> original = EventTopic.readAll(setup.bootstrapServers(), setup.userEvents())
			.stream()
			.filter(r -> refused.key().equals(r.key()))
			.findFirst()
			.orElseThrow();
		assertThat(header(letter, "x-original-partition")).isEqualTo(Integer.toString(original.partition()));
		assertThat(header(letter, "x-original-offset")).isEqualTo(Long.toString(original.offset()));
		assertThat(letter.partition()).isEqualTo(original.partition());
		assertThat(header(letter, "x-exception-class")).isEqualTo("io.spotbridge.worker.spot.PermanentSpotException");
		assertThat(header(letter, "x-exception-message")).contains("400", "VALIDATION_ERROR")
			.doesNotContain(token);
		assertThat(header(letter, "x-attempts")).isEqualTo("1");
		assertThat(Instant.parse(header(letter, "x-first-failure"))).isAfter(published.minusSeconds(1));
		assertThat(header(letter, "x-correlation-id")).isEqualTo(rejected.correlationId());
		assertThat(header(letter, "x-event-type")).isEqualTo("UserCreated");
		assertThat(new EventCodec().decode(letter.value())).isEqualTo(rejected);
		assertThat(spot.usersWithEmail(token, refused.email())).isEmpty();
		assertThat(worker.processed("tenant", TENANT, "outcome", "dead-lettered")).isEqualTo(1);

		// the partition moved on: a later change of the same user is applied once Spot accepts it
		spot.clearFaults();
		events.publish(refused.next().updated());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, refused.email()).isPresent());
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())).hasSize(1);
	}

	private static ConsumerRecord<String, byte[]> deadLetter(String key) {
		return EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters())
			.stream()
			.filter(r -> key.equals(r.key()))
			.findFirst()
			.orElse(null);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
