package io.spotbridge.worker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.support.EventTopic;
import io.spotbridge.worker.support.RunningWorker;
import io.spotbridge.worker.support.SharedInfra;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.support.SpotApi.SpotUserView;
import io.spotbridge.worker.support.WorkerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline, for real: Okta's SCIM calls over HTTP to the ingress (a child JVM started from its exec jar),
 * Kafka (the broker the worker ITs share), the worker (in this JVM) and the Spot simulator, checked through Spot's
 * own API. The ingress and the worker are given the same token, as in production: the token Okta sends is tenant
 * {@code default}'s Spot token.
 */
class EndToEndIT {

	static final Path INGRESS_JAR = moduleDir().resolve("../ingress-service/target/ingress-service-0.1.0-SNAPSHOT-exec.jar")
		.normalize();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String PATCH_SCHEMA = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

	static WorkerSetup setup;

	static String token;

	static Process ingress;

	static Path ingressLog;

	static int scimPort;

	static RunningWorker worker;

	static SpotApi spot;

	@BeforeAll
	static void start() throws IOException {
		Assumptions.assumeTrue(Files.isRegularFile(INGRESS_JAR), "the ingress exec jar " + INGRESS_JAR
				+ " is missing: build it first (./mvnw -pl common-model,ingress-service -DskipTests install)");
		setup = WorkerSetup.named("e2e");
		token = "token-default-" + UUID.randomUUID();
		spot = SharedInfra.spot();
		String bootstrapServers = setup.bootstrapServers();

		scimPort = freePort();
		int managementPort = freePort();
		ingressLog = moduleDir().resolve("target/e2e-ingress.log");
		Files.createDirectories(ingressLog.getParent());
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", INGRESS_JAR.toString(),
				"--server.port=" + scimPort, "--management.server.port=" + managementPort,
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--bridge.spot-token=" + token,
				"--bridge.rate-limit.requests-per-second=0", "--bridge.topics.user-events=" + setup.userEvents(),
				"--bridge.topics.group-events=" + setup.groupEvents(),
				"--bridge.topics.partitions=3"));
		ingress = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(ingressLog.toFile()))
			.start();

		// the worker starts meanwhile; it is tenant default by the single-tenant shortcut, as deployed
		worker = setup.start("bridge.spot-token=" + token, "bridge.spot-api-url=" + SharedInfra.simulator().baseUrl());

		await("ingress readiness (log: " + ingressLog + ")").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				if (!ingress.isAlive()) {
					throw new IllegalStateException("the ingress exited with " + ingress.exitValue() + ", see " + ingressLog);
				}
				return status(get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")) == 200;
			});

		// steady state for the latency claim: connections open, code paths warm, in every process
		String warmUp = email("warm-up");
		assertThat(createUser(warmUp, "Viewer", null).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> spot.userByEmail(token, warmUp).isPresent());
	}

	@AfterAll
	static void stop() throws InterruptedException {
		try {
			if (worker != null) {
				worker.close();
			}
		}
		finally {
			if (ingress != null) {
				ingress.destroy();
				if (!ingress.waitFor(30, TimeUnit.SECONDS)) {
					ingress.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
	}

	@Test
	void oktaAssignmentProvisionsTheSpotUserWithTheViewerPolicy() {
		String email = email("ada");
		long sent = System.nanoTime();

		HttpResponse<String> created = createUser(email, "Viewer", "e2e-1");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue("e2e-1");
		SpotUserView user = await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> spot.userByEmail(token, email), u -> u.isPresent() && u.get().policyIds().equals(List.of("3")))
			.get();
		Duration took = Duration.ofNanos(System.nanoTime() - sent);
		assertThat(user.accountIds()).containsExactly(List.of("*"));
		assertThat(user.withSameEmail()).isEqualTo(1);
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		System.out.println("EndToEndIT: SCIM POST -> Spot user with policy 3 visible in " + took.toMillis() + " ms");

		// the correlation id Okta's call carried is the one of the event the worker consumed
		String id = scimId(created);
		List<UserEvent> events = eventsOf(id);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).correlationId()).isEqualTo("e2e-1");
		assertThat(events.get(0).tenant()).isEqualTo("default");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> worker.processed("outcome", "applied", "tenant", "default", "type", "UserCreated") >= 2);
	}

	@Test
	void oktaRoleChangeToEditorGivesTheSpotUserTheOrganizationAdminPolicy() {
		String email = email("bob");
		String id = scimId(created(createUser(email, "Viewer", null)));
		String spotId = awaitPolicies(email, List.of("3")).userId();

		HttpResponse<String> patched = patch(id, """
				{%s,"Operations":[{"op":"replace","path":"roles","value":[{"primary":true,"value":"Editor"}]}]}"""
			.formatted(PATCH_SCHEMA));

		assertThat(patched.statusCode()).isEqualTo(200);
		SpotUserView user = awaitPolicies(email, List.of("0"));
		assertThat(user.userId()).isEqualTo(spotId);
		assertThat(user.withSameEmail()).isEqualTo(1);
	}

	@Test
	void oktaDeactivationDeletesTheSpotUser() {
		String email = email("carol");
		String id = scimId(created(createUser(email, "Viewer", null)));
		String spotId = awaitPolicies(email, List.of("3")).userId();

		HttpResponse<String> patched = patch(id, """
				{%s,"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(PATCH_SCHEMA));

		assertThat(patched.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.usersWithEmail(token, email).isEmpty());
		assertThat(spot.user(token, spotId)).isEmpty();
	}

	@Test
	void oktaReactivationRecreatesTheSpotUserWithANewId() {
		String email = email("dave");
		String id = scimId(created(createUser(email, "Viewer", null)));
		String first = awaitPolicies(email, List.of("3")).userId();
		assertThat(patch(id, """
				{%s,"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(PATCH_SCHEMA)).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.usersWithEmail(token, email).isEmpty());

		HttpResponse<String> reactivated = patch(id, """
				{%s,"Operations":[{"op":"replace","value":{"active":true}}]}""".formatted(PATCH_SCHEMA));

		assertThat(reactivated.statusCode()).isEqualTo(200);
		SpotUserView user = awaitPolicies(email, List.of("3"));
		assertThat(user.userId()).isNotEqualTo(first);
		assertThat(user.accountIds()).containsExactly(List.of("*"));
		assertThat(user.withSameEmail()).isEqualTo(1);
	}

	@Test
	void oktaGroupPushCreatesTheSpotGroupWithItsMembers() {
		String ada = email("ada-g");
		String bob = email("bob-g");
		String adaId = scimId(created(createUser(ada, "Viewer", null)));
		String bobId = scimId(created(createUser(bob, "Viewer", null)));
		String name = "Engineers " + UUID.randomUUID().toString().substring(0, 8);
		awaitPolicies(bob, List.of("3"));
		long sent = System.nanoTime();

		HttpResponse<String> pushed = scim("POST", "/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
				 "members":[{"value":"%s","display":"%s"},{"value":"%s","display":"%s"}]}"""
			.formatted(name, adaId, ada, bobId, bob), null);

		assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
		awaitGroupMembers(name, ada, bob);
		System.out.println("EndToEndIT: SCIM POST /Groups -> Spot user group with both members in "
				+ Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");
	}

	@Test
	void oktaGroupMembershipChangesByPatchAndPutFollowInSpot() {
		String ada = email("ada-m");
		String bob = email("bob-m");
		String carol = email("carol-m");
		String adaId = scimId(created(createUser(ada, "Viewer", null)));
		String bobId = scimId(created(createUser(bob, "Viewer", null)));
		String carolId = scimId(created(createUser(carol, "Viewer", null)));
		String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		String groupId = scimId(created(scim("POST", "/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}"""
			.formatted(name), null)));
		String spotGroupId = awaitGroupMembers(name).id();

		assertThat(patchGroup(groupId, """
				{"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}""".formatted(adaId, bobId)))
			.isIn(200, 204);
		awaitGroupMembers(name, ada, bob);

		assertThat(patchGroup(groupId, """
				{"op":"remove","path":"members[value eq \\\"%s\\\"]"}""".formatted(adaId))).isIn(200, 204);
		awaitGroupMembers(name, bob);

		assertThat(patchGroup(groupId, """
				{"op":"replace","path":"members","value":[{"value":"%s"}]}""".formatted(carolId))).isIn(200, 204);
		awaitGroupMembers(name, carol);

		HttpResponse<String> put = scim("PUT", "/Groups/" + groupId, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"%s renamed",
				 "members":[{"value":"%s"},{"value":"%s"}]}""".formatted(groupId, name, adaId, carolId), null);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(awaitGroupMembers(name + " renamed", ada, carol).id()).isEqualTo(spotGroupId);

		assertThat(scim("DELETE", "/Groups/" + groupId, "", null).statusCode()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.groups(token).stream().noneMatch(group -> group.id().equals(spotGroupId)));
	}

	@Test
	void twentyConcurrentOktaPatchesAddingDifferentMembersAllLandInTheSpotGroup() throws Exception {
		List<String> emails = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String email = email("member" + i);
			emails.add(email);
			ids.add(scimId(created(createUser(email, "Viewer", null))));
		}
		String name = "Crowd " + UUID.randomUUID().toString().substring(0, 8);
		String groupId = scimId(created(scim("POST", "/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}"""
			.formatted(name), null)));

		long sent = System.nanoTime();
		List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> patches = new ArrayList<>();
		for (String id : ids) {
			patches.add(HTTP.sendAsync(scimRequest("PATCH", "/Groups/" + groupId, """
					{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
					 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(id), null),
					HttpResponse.BodyHandlers.ofString()));
		}
		for (var patch : patches) {
			HttpResponse<String> answer = patch.get(60, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isIn(200, 204);
		}

		awaitGroupMembers(name, emails.toArray(String[]::new));
		System.out.println("EndToEndIT: 20 concurrent member PATCHes -> all 20 in the Spot user group in "
				+ Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");
	}

	/** Waits until the Spot group of that name has exactly the Spot users of these emails as members. */
	private static SpotApi.SpotGroupView awaitGroupMembers(String name, String... emails) {
		return await("Spot group " + name).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.groupNamed(token, name), group -> group.isPresent()
					&& group.get().userIds().size() == emails.length
					&& group.get().userIds().equals(spot.userIdsOf(token, emails)))
			.get();
	}

	private static int patchGroup(String id, String operation) {
		HttpResponse<String> answer = scim("PATCH", "/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[%s]}""".formatted(operation),
				null);
		return answer.statusCode();
	}

	private static SpotUserView awaitPolicies(String email, List<String> policies) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> spot.userByEmail(token, email), u -> u.isPresent() && u.get().policyIds().equals(policies))
			.get();
	}

	private static String email(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** Okta's create body for a user with a primary role. */
	private static HttpResponse<String> createUser(String email, String role, String correlationId) {
		String body = """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "name":{"givenName":"Test","familyName":"User"},
				 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Test User","locale":"en-US",
				 "externalId":"00u%s","groups":[],"password":"1mz050nq","active":true,
				 "roles":[{"primary":true,"value":"%s"}]}"""
			.formatted(email, email, Integer.toHexString(email.hashCode()), role);
		return scim("POST", "/Users", body, correlationId);
	}

	private static HttpResponse<String> patch(String id, String body) {
		return scim("PATCH", "/Users/" + id, body, null);
	}

	private static HttpResponse<String> created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response;
	}

	private static String scimId(HttpResponse<String> response) {
		String id = JSON.readTree(response.body()).path("id").asString("");
		assertThat(id).as(response.body()).isNotBlank();
		return id;
	}

	private static HttpResponse<String> scim(String method, String path, String body, String correlationId) {
		return send(scimRequest(method, path, body, correlationId));
	}

	private static HttpRequest scimRequest(String method, String path, String body, String correlationId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + scimPort + "/scim/v2" + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/scim+json")
			.header("Content-Type", "application/scim+json; charset=utf-8")
			.header("User-Agent", "Okta SCIM Client 1.0.0");
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		return request.build();
	}

	private static List<UserEvent> eventsOf(String scimId) {
		EventCodec codec = new EventCodec();
		List<UserEvent> events = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : EventTopic.readAll(setup.bootstrapServers(), setup.userEvents())) {
			if (("default/" + scimId).equals(record.key())) {
				LifecycleEvent event = codec.decode(record.value());
				if (event instanceof UserEvent userEvent) {
					events.add(userEvent);
				}
			}
		}
		return events;
	}

	private static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build());
	}

	private static int status(HttpResponse<String> response) {
		return response == null ? -1 : response.statusCode();
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			if (request.uri().getPath().startsWith("/actuator")) {
				return null; // not listening yet
			}
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static String javaBinary() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

	private static Path moduleDir() {
		String basedir = System.getProperty("basedir");
		return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
	}

}
