package io.spotbridge.worker.spot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotbridge.simulator.SpotSimulator;
import io.spotbridge.worker.support.SpotApi;
import io.spotbridge.worker.tenants.PolicyGrant;
import io.spotbridge.worker.tenants.Tenants;
import io.spotbridge.worker.tenants.TenantsProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Spot client against the simulator over real HTTP: wire format, error classes, gates. */
class SpotClientTest {

	static SpotSimulator simulator;

	static SpotApi api;

	SimpleMeterRegistry meters;

	SpotClients clients;

	SpotClient spot;

	@BeforeAll
	static void startSimulator() {
		simulator = SpotSimulator.start(0);
		api = SpotApi.at(simulator.baseUrl());
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void newClient() {
		simulator.reset();
		meters = new SimpleMeterRegistry();
		clients = clients(simulator.baseUrl());
		spot = clients.forTenant("acme").orElseThrow();
	}

	@Test
	void aUserIsCreatedReadListedMappedAndDeleted() {
		String userId = spot.createUser(new NewSpotUser("ada@example.com", "Ada", "Lovelace", Passwords.generate(),
				"viewer")).block();

		assertThat(userId).startsWith("u-");
		assertThat(spot.listUsers().block()).extracting(OrgUser::email).containsExactly("ada@example.com");
		assertThat(spot.getUser(userId).block().policies()).isEmpty();

		spot.mapPolicies(userId, List.of(PolicyGrant.onAllAccounts("3"))).block();
		assertThat(spot.getUser(userId).block().policies()).containsExactly(PolicyGrant.onAllAccounts("3"));

		spot.deleteUser(userId).block();
		assertThat(spot.listUsers().block()).isEmpty();
		assertThatThrownBy(() -> spot.getUser(userId).block()).isInstanceOf(SpotNotFoundException.class);
		spot.deleteUser(userId).block();
		assertThat(meters.find(SpotCallMetrics.CALLS).tags("tenant", "acme", "route", SpotClient.GET_USER, "status", "404")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void aUserGroupIsCreatedRenamedMappedAndDeleted() {
		String ada = spot.createUser(new NewSpotUser("ada-g@example.com", "Ada", "Lovelace", Passwords.generate(),
				"viewer")).block();
		String groupId = spot.createGroup("Engineers", "pushed").block();

		assertThat(groupId).startsWith("ugr-");
		spot.renameGroup(groupId, "Platform").block();
		spot.mapGroupUsers(groupId, List.of(ada)).block();
		spot.mapGroupPolicies(groupId, List.of(PolicyGrant.onAllAccounts("3"))).block();

		SpotGroup group = spot.getGroup(groupId).block();
		assertThat(group.name()).isEqualTo("Platform");
		assertThat(group.userIds()).containsExactly(ada);
		assertThat(group.policies()).containsExactly(PolicyGrant.onAllAccounts("3"));
		assertThat(spot.listGroups().block()).extracting(SpotGroup::id).containsExactly(groupId);

		spot.deleteGroup(groupId).block();
		assertThat(spot.listGroups().block()).isEmpty();
		assertThatThrownBy(() -> spot.getGroup(groupId).block()).isInstanceOf(SpotNotFoundException.class);
		spot.deleteGroup(groupId).block();
	}

	@Test
	void aTakenGroupNameIsAPermanentDuplicateAndAnUnknownMemberIsRefused() {
		String groupId = spot.createGroup("Admins", "").block();

		assertThatThrownBy(() -> spot.createGroup("ADMINS", "").block()).isInstanceOfSatisfying(
				PermanentSpotException.class, refused -> assertThat(refused.isDuplicateUser()).isTrue());
		assertThatThrownBy(() -> spot.mapGroupUsers(groupId, List.of("u-missing")).block()).isInstanceOfSatisfying(
				PermanentSpotException.class, refused -> assertThat(refused.code()).hasValue("USER_DOESNT_EXIST"));
	}

	@Test
	void aTakenEmailIsAPermanentDuplicate() {
		spot.createUser(new NewSpotUser("dup@example.com", "A", "B", Passwords.generate(), "viewer")).block();

		assertThatThrownBy(() -> spot
			.createUser(new NewSpotUser("DUP@example.com", "A", "B", Passwords.generate(), "viewer"))
			.block()).isInstanceOfSatisfying(PermanentSpotException.class,
					refused -> assertThat(refused.isDuplicateUser()).isTrue());
	}

	@Test
	void aRejectedTokenOpensTheCredentialsGate() {
		api.faults(Map.of("revokedTokens", List.of("acme-token")));

		assertThatThrownBy(() -> spot.listUsers().block()).isInstanceOf(CredentialsRejectedException.class)
			.hasMessage("Spot rejected the token for tenant acme (401)");
		assertThatThrownBy(() -> spot.listUsers().block()).isInstanceOf(CallBlockedException.class);
		assertThat(spot.guard().credentialsRejected()).isTrue();
		assertThat(meters.find(SpotCallMetrics.CALLS).tag("status", "401").timers())
			.hasSize(SpotClient.ROUTES.size() * 1)
			.extracting(io.micrometer.core.instrument.Timer::count)
			.containsOnly(0L, 1L)
			.containsOnlyOnce(1L);
	}

	@Test
	void tooManyRequestsCarryTheResetAndCloseTheRoute() {
		api.faults(Map.of("rateLimitPerMinute", 1));
		spot.listUsers().block();

		assertThat(spot.guard().rateLimitRemaining().get(SpotClient.LIST_USERS).get()).isZero();
		RateLimitedException limited = (RateLimitedException) catchThrown(
				() -> clients(simulator.baseUrl()).forTenant("acme").orElseThrow().listUsers().block());
		assertThat(limited.reset()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
	}

	@Test
	void serverErrorsAreTransient() {
		api.faults(Map.of("errorRate", 1, "errorStatus", 502));

		assertThatThrownBy(() -> spot.listUsers().block()).isInstanceOfSatisfying(TransientSpotException.class,
				error -> assertThat(error.status()).isEqualTo(502));
	}

	@Test
	void anUnreachableSpotIsTransient() {
		SpotClient unreachable = clients("http://127.0.0.1:1").forTenant("acme").orElseThrow();

		assertThatThrownBy(() -> unreachable.listUsers().block()).isInstanceOf(TransientSpotException.class);
	}

	@Test
	void namesSpotRejectsArePermanentErrors() {
		assertThatThrownBy(() -> spot.createUser(new NewSpotUser("x@example.com", "A+B", "C", Passwords.generate(),
				"viewer")).block())
			.isInstanceOf(PermanentSpotException.class)
			.hasMessageContaining("VALIDATION_ERROR");
	}

	@Test
	void theCorrelationIdOfTheEventIsSentToSpot() throws Exception {
		var seen = new java.util.concurrent.atomic.AtomicReference<String>();
		var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			seen.set(exchange.getRequestHeaders().getFirst(SpotClient.CORRELATION_HEADER));
			byte[] body = ("{\"request\":{},\"response\":{\"status\":{\"code\":200,\"message\":\"OK\"},"
					+ "\"kind\":\"spotinst:setup:account\",\"items\":[],\"count\":0}}").getBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			SpotClient client = clients("http://127.0.0.1:" + server.getAddress().getPort()).forTenant("acme")
				.orElseThrow();

			client.probe().contextWrite(reactor.util.context.Context.of(SpotClient.CORRELATION_ID, "okta-req-7"))
				.block(java.time.Duration.ofSeconds(10));

			assertThat(seen.get()).isEqualTo("okta-req-7");
		}
		finally {
			server.stop(0);
		}
	}

	private SpotClients clients(String url) {
		Map<String, String> properties = Map.of("bridge.tenants.acme.token", "acme-token", "bridge.tenants.acme.api-url",
				url);
		TenantsProperties tenants = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("bridge",
				Bindable.of(TenantsProperties.class));
		SpotProperties spotProperties = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(
				"bridge.spot", Bindable.of(SpotProperties.class));
		return new SpotClients(new Tenants(tenants), spotProperties, meters, Clock.systemUTC());
	}

	private static Throwable catchThrown(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected a failure");
	}

}
