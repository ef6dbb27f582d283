package io.spotbridge.worker.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replay of dead letters through the worker's admin API, against the shared embedded broker and the Spot simulator:
 * a rejected user is dead-lettered, the rejection is lifted, replay provisions it; superseded letters are skipped,
 * dry runs change nothing, replaying twice is harmless, too-often replayed letters are parked, filters are exact.
 */
class ReplayIT {

	static final String TENANT = "replays";

	static final String PARKING = "parking";

	static final String ADMIN_TOKEN = "admin-" + java.util.UUID.randomUUID();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static WorkerSetup setup;

	static RunningWorker worker;

	static EventTopic events;

	static SpotApi spot;

	@BeforeAll
	static void start() {
		setup = WorkerSetup.named("replay").tenant(TENANT).tenant(PARKING);
		spot = SharedInfra.spot();
		worker = setup.start("bridge.admin.token=" + ADMIN_TOKEN, "bridge.replay.max-replays=1",
				"bridge.replay.metrics-refresh=0s");
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
	void aRejectedUserIsReplayedOnceTheRejectionIsLiftedSupersededOnesAreSkippedAndReplayingTwiceIsHarmless()
			throws Exception {
		String token = setup.token(TENANT);
		Instant started = Instant.now();
		spot.faults(Map.of("rejectEmailsMatching", "^rpl-"));
		Events.UserBuilder a = Events.user(TENANT).email("rpl-a-" + System.nanoTime() + "@example.com");
		Events.UserBuilder b = Events.user(TENANT).email("rpl-b-" + System.nanoTime() + "@example.com");
		Events.UserBuilder fine = Events.user(TENANT);
		events.publish(a.created());
		events.publish(b.created());
		events.publish(fine.created());
		await().atMost(Duration.ofSeconds(20)).until(() -> list("tenant", TENANT).size() == 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, fine.email()).isPresent());

		JsonNode letterA = list("user", a.id()).get(0);
		assertThat(letterA.path("tenant").asString()).isEqualTo(TENANT);
		assertThat(letterA.path("eventType").asString()).isEqualTo("UserCreated");
		assertThat(letterA.path("version").asLong()).isEqualTo(1);
		assertThat(letterA.path("errorClass").asString()).isEqualTo("io.spotbridge.worker.spot.PermanentSpotException");
		assertThat(letterA.path("errorMessage").asString()).contains("VALIDATION_ERROR").doesNotContain(token);
		assertThat(letterA.path("attempts").asInt()).isEqualTo(1);
		assertThat(letterA.path("replayCount").asInt()).isZero();
		assertThat(letterA.path("superseded").asBoolean()).isFalse();
		assertThat(Instant.parse(letterA.path("firstFailure").asString())).isAfter(started.minusSeconds(1));

		// filters select exactly what they say
		assertThat(userIds(list("tenant", TENANT))).containsExactlyInAnyOrder(a.id(), b.id());
		assertThat(userIds(list("tenant", TENANT, "user", a.id()))).containsExactly(a.id());
		assertThat(list("tenant", "nobody")).isEmpty();
		assertThat(userIds(list("tenant", TENANT, "error", "PermanentSpotException"))).hasSize(2);
		assertThat(userIds(list("tenant", TENANT, "error", "io.spotbridge.worker.spot.PermanentSpotException")))
			.hasSize(2);
		assertThat(list("tenant", TENANT, "error", "EventCodecException")).isEmpty();
		assertThat(list("tenant", TENANT, "since", Instant.now().plusSeconds(3600).toString())).isEmpty();
		assertThat(list("tenant", TENANT, "until", started.minusSeconds(3600).toString())).isEmpty();
		assertThat(list("tenant", TENANT, "since", started.minusSeconds(60).toString(), "until",
				Instant.now().plusSeconds(60).toString()))
			.hasSize(2);
		assertThat(worker.gauge("bridge.worker.deadletters.depth", "tenant", TENANT)).isEqualTo(2);
		assertThat(worker.gauge("bridge.worker.deadletters.oldest.age", "tenant", TENANT)).isGreaterThanOrEqualTo(0);

		// the rejection is lifted; B is changed afterwards, so its dead letter is superseded
		spot.clearFaults();
		events.publish(b.next().updated());
		await().atMost(Duration.ofSeconds(10)).until(() -> spot.userByEmail(token, b.email()).isPresent());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> list("user", b.id()).get(0).path("superseded").asBoolean());
		assertThat(list("user", a.id()).get(0).path("superseded").asBoolean()).isFalse();
		assertThat(worker.gauge("bridge.worker.deadletters.depth", "tenant", TENANT)).isEqualTo(1);

		// dry run: says what would happen, publishes nothing
		int eventsBefore = eventRecords().size();
		JsonNode dry = replay("tenant", TENANT, "dryRun", "true");
		assertThat(dry.path("dryRun").asBoolean()).isTrue();
		assertThat(counts(dry)).containsExactly(1, 1, 0, 0);
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(eventRecords()).hasSize(eventsBefore));
		assertThat(spot.usersWithEmail(token, a.email())).isEmpty();
		assertThat(worker.counter("bridge.worker.replays", "tenant", TENANT)).isZero();

		// replay: A is re-published with its replay headers and provisioned; B is skipped as superseded
		JsonNode done = replay("tenant", TENANT, "ratePerSecond", "5", "by", "ops@example.com");
		assertThat(counts(done)).containsExactly(1, 1, 0, 0);
		Map<String, String> outcomes = new LinkedHashMap<>();
		done.path("items").forEach(item -> outcomes.put(item.path("userId").asString(), item.path("outcome").asString()));
		assertThat(outcomes).containsEntry(a.id(), "replayed").containsEntry(b.id(), "superseded");
		await().atMost(Duration.ofSeconds(15)).until(() -> spot.userByEmail(token, a.email()).isPresent());
		List<ConsumerRecord<String, byte[]>> replayed = eventRecords().stream()
			.filter(r -> a.key().equals(r.key()) && r.headers().lastHeader("x-replay-count") != null)
			.toList();
		assertThat(replayed).hasSize(1);
		assertThat(header(replayed.get(0), "x-replay-count")).isEqualTo("1");
		assertThat(header(replayed.get(0), "x-replayed-by")).isEqualTo("ops@example.com");
		assertThat(Instant.parse(header(replayed.get(0), "x-replayed-at"))).isAfter(started);
		assertThat(header(replayed.get(0), "x-event-type")).isEqualTo("UserCreated");
		assertThat(replayed.get(0).headers().lastHeader("x-exception-class")).isNull();
		assertThat(worker.counter("bridge.worker.replays", "tenant", TENANT, "outcome", "replayed")).isEqualTo(1);
		assertThat(worker.counter("bridge.worker.replays", "tenant", TENANT, "outcome", "superseded")).isEqualTo(1);
		assertThat(worker.gauge("bridge.worker.deadletters.depth", "tenant", TENANT)).isZero();
		assertThat(worker.gauge("bridge.worker.deadletters.oldest.age", "tenant", TENANT)).isZero();

		// replaying again is harmless: nothing is re-published, no second Spot user
		int eventsAfter = eventRecords().size();
		JsonNode again = replay("tenant", TENANT);
		assertThat(counts(again)).containsExactly(0, 2, 0, 0);
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(eventRecords()).hasSize(eventsAfter));
		assertThat(spot.usersWithEmail(token, a.email())).hasSize(1);
		assertThat(spot.usersWithEmail(token, b.email())).hasSize(1);
		assertThat(EventTopic.readAll(setup.bootstrapServers(), setup.deadLetters()).stream()
			.filter(r -> r.key().startsWith(TENANT + "/"))).hasSize(2);
	}

	@Test
	void aLetterThatKeepsFailingIsParkedAfterTheMaximumOfReplays() {
		spot.faults(Map.of("rejectEmailsMatching", "^park-"));
		Events.UserBuilder c = Events.user(PARKING).email("park-" + System.nanoTime() + "@example.com");
		events.publish(c.created());
		await().atMost(Duration.ofSeconds(20)).until(() -> list("tenant", PARKING, "user", c.id()).size() == 1);

		// replayed while Spot still rejects it: it comes back as a dead letter with replay count 1
		assertThat(counts(replay("tenant", PARKING, "user", c.id()))).containsExactly(1, 0, 0, 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> list("tenant", PARKING, "user", c.id()).size() == 2);
		List<JsonNode> letters = list("tenant", PARKING, "user", c.id());
		assertThat(letters.get(0).path("superseded").asBoolean()).isTrue();
		assertThat(letters.get(1).path("replayCount").asInt()).isEqualTo(1);
		assertThat(letters.get(1).path("superseded").asBoolean()).isFalse();

		// max-replays=1: parked, reported, not re-published
		int eventsBefore = eventRecords().size();
		JsonNode parked = replay("tenant", PARKING);
		assertThat(counts(parked)).containsExactly(0, 1, 1, 0);
		assertThat(eventRecords()).hasSize(eventsBefore);
		assertThat(worker.counter("bridge.worker.replays", "tenant", PARKING, "outcome", "parked")).isEqualTo(1);
	}

	@Test
	void theAdminApiWantsTheAdminToken() {
		assertThat(call("GET", "/admin/dead-letters", null).statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = call("GET", "/admin/dead-letters", "Bearer not-the-token");
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(wrong.body()).doesNotContain(ADMIN_TOKEN);
		assertThat(call("POST", "/admin/replay?dryRun=true", null).statusCode()).isEqualTo(401);
		assertThat(call("POST", "/admin/replay?dryRun=true", "Bearer not-the-token").statusCode()).isEqualTo(403);
		assertThat(call("GET", "/admin/dead-letters?tenant=nobody", "Bearer " + ADMIN_TOKEN).statusCode())
			.isEqualTo(200);
		assertThat(call("GET", "/admin/dead-letters?since=yesterday", "Bearer " + ADMIN_TOKEN).statusCode())
			.isEqualTo(400);
	}

	private static List<Integer> counts(JsonNode summary) {
		return List.of(summary.path("replayed").asInt(), summary.path("superseded").asInt(),
				summary.path("parked").asInt(), summary.path("failed").asInt());
	}

	private static List<String> userIds(List<JsonNode> letters) {
		return letters.stream().map(letter -> letter.path("userId").asString()).toList();
	}

	private static List<ConsumerRecord<String, byte[]>> eventRecords() {
		return EventTopic.readAll(setup.bootstrapServers(), setup.userEvents());
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static List<JsonNode> list(String... query) {
		HttpResponse<String> response = call("GET", "/admin/dead-letters" + query(query), "Bearer " + ADMIN_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> letters = new ArrayList<>();
		JSON.readTree(response.body()).forEach(letters::add);
		return letters;
	}

	private static JsonNode replay(String... query) {
		HttpResponse<String> response = call("POST", "/admin/replay" + query(query), "Bearer " + ADMIN_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String query(String... pairs) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			query.append(i == 0 ? '?' : '&')
				.append(pairs[i])
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return query.toString();
	}

	private static HttpResponse<String> call(String method, String path, String authorization) {
		String port = worker.bean(Environment.class).getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
