package io.spotbridge.worker.spot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.spotbridge.worker.tenants.RoleMapping;
import io.spotbridge.worker.tenants.SpotToken;
import io.spotbridge.worker.tenants.TenantSettings;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantGuardTest {

	private static final TenantSettings TENANT = new TenantSettings("acme", SpotToken.of("t"), URI.create("http://spot"),
			new RoleMapping(RoleMapping.builtIn("3", "0"), "viewer"), 1000);

	private final SpotProperties properties = new SpotProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 10,
			Duration.ofSeconds(60), new SpotProperties.Breaker(50, 10, 4, Duration.ofSeconds(30), 1),
			new SpotProperties.Credentials(Duration.ofSeconds(30), Duration.ofSeconds(60)));

	private final TenantGuard guard = new TenantGuard(TENANT, properties, Clock.systemUTC());

	@Test
	void aRejectedTokenClosesTheGateAtOnceAndNoFurtherCallIsMade() {
		assertThatThrownBy(() -> call(Mono.error(new CredentialsRejectedException("acme", "GET /x", 401))))
			.isInstanceOf(CredentialsRejectedException.class);

		assertThat(guard.credentialsRejected()).isTrue();
		assertThat(guard.admitsCalls()).isFalse();
		assertThat(guard.lastRejection()).hasValueSatisfying(
				rejection -> assertThat(rejection).hasMessage("Spot rejected the token for tenant acme (401)"));
		assertThatThrownBy(() -> call(Mono.just("never made")))
			.isInstanceOfSatisfying(CallBlockedException.class,
					blocked -> assertThat(blocked.gate()).isEqualTo(CallBlockedException.Gate.CREDENTIALS));
	}

	@Test
	void transientFailuresOpenTheOutageBreakerButRateLimitsDoNot() {
		for (int i = 0; i < 10; i++) {
			callIgnoringErrors(Mono.error(new RateLimitedException("GET /x", Duration.ZERO)));
		}
		assertThat(guard.outageBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);

		for (int i = 0; i < 4; i++) {
			callIgnoringErrors(Mono.error(new TransientSpotException("GET /x", 503, "down")));
		}

		assertThat(guard.outageBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(guard.admitsCalls()).isFalse();
		assertThat(guard.credentialsRejected()).isFalse();
		assertThatThrownBy(() -> call(Mono.just("never made")))
			.isInstanceOfSatisfying(CallBlockedException.class,
					blocked -> assertThat(blocked.gate()).isEqualTo(CallBlockedException.Gate.OUTAGE));
	}

	@Test
	void clientErrorsProveSpotIsUp() {
		for (int i = 0; i < 10; i++) {
			callIgnoringErrors(Mono.error(new PermanentSpotException("POST /x", 400, "VALIDATION_ERROR", "no")));
		}

		assertThat(guard.outageBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(guard.credentialsGate().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void anExhaustedRouteWindowMakesCallsOnThatRouteWaitForTheReset() {
		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(0), OptionalLong.of(1), new byte[0]));

		long started = System.nanoTime();
		call(Mono.just("after the reset"));
		long otherStarted = System.nanoTime();
		guard.run("GET /y", () -> Mono.just("other route")).block();

		assertThat(Duration.ofNanos(otherStarted - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(Duration.ofNanos(System.nanoTime() - otherStarted)).isLessThan(Duration.ofMillis(500));
		assertThat(guard.rateLimitRemaining().get("GET /x").get()).isZero();
	}

	@Test
	void callsBeyondWhatTheRouteWindowStillAdmitsWaitForTheResetInsteadOfBeingSent() {
		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(2), OptionalLong.of(60), new byte[0]));

		assertThat(call(Mono.just("first"))).isEqualTo("first");
		assertThat(call(Mono.just("second"))).isEqualTo("second");
		AtomicBoolean sent = new AtomicBoolean();
		Disposable third = guard.run("GET /x", () -> Mono.fromSupplier(() -> {
			sent.set(true);
			return "third";
		})).subscribe();

		assertThat(sent).isFalse();
		assertThat(guard.run("GET /y", () -> Mono.just("other route")).block(Duration.ofSeconds(5)))
			.isEqualTo("other route");
		third.dispose();
	}

	@Test
	void callsInFlightCountAgainstTheRemainingCallsOfAnAnswer() {
		// two calls in flight on the route; the answer of a third says one call is left: the others may take it
		Sinks.One<String> first = Sinks.one();
		Sinks.One<String> second = Sinks.one();
		Disposable a = guard.run("GET /x", first::asMono).subscribe();
		Disposable b = guard.run("GET /x", second::asMono).subscribe();
		guard.run("GET /x", () -> Mono.fromSupplier(() -> {
			guard.observe("GET /x", new SpotReply(200, OptionalLong.of(1), OptionalLong.of(60), new byte[0]));
			return "answered";
		})).block(Duration.ofSeconds(5));
		first.tryEmitValue("done");
		second.tryEmitValue("done");
		AtomicBoolean sent = new AtomicBoolean();

		Disposable next = guard.run("GET /x", () -> Mono.fromSupplier(() -> {
			sent.set(true);
			return "next";
		})).subscribe();

		assertThat(sent).isFalse();
		a.dispose();
		b.dispose();
		next.dispose();
	}

	@Test
	void callsWaitingForTheirRatePermitCountAgainstTheRouteWindow() throws InterruptedException {
		TenantSettings slow = new TenantSettings("slow", SpotToken.of("t"), URI.create("http://spot"),
				new RoleMapping(RoleMapping.builtIn("3", "0"), "viewer"), 1);
		TenantGuard onePerSecond = new TenantGuard(slow, properties, Clock.systemUTC());
		onePerSecond.run("GET /x", () -> Mono.just("takes this second's permit")).block(Duration.ofSeconds(5));
		// three calls let through (no window known yet), waiting for their permits: Spot has not counted them
		Disposable a = onePerSecond.run("GET /x", () -> Mono.just("a")).subscribe();
		Disposable b = onePerSecond.run("GET /x", () -> Mono.just("b")).subscribe();
		Disposable c = onePerSecond.run("GET /x", () -> Mono.just("c")).subscribe();

		// an answer (read as the answer of one of them, as answers are) says two calls are left: the other two waiting
		// calls take them
		onePerSecond.observe("GET /x", new SpotReply(200, OptionalLong.of(2), OptionalLong.of(60), new byte[0]));
		AtomicBoolean sent = new AtomicBoolean();
		Disposable third = onePerSecond.run("GET /x", () -> Mono.fromSupplier(() -> {
			sent.set(true);
			return "third";
		})).subscribe();
		org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1500))
			.atMost(java.time.Duration.ofSeconds(5))
			.untilFalse(sent);
		a.dispose();
		b.dispose();
		c.dispose();
		third.dispose();
	}

	@Test
	void lateAnswersDoNotRaiseTheBudget() {
		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(1), OptionalLong.of(60), new byte[0]));
		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(5), OptionalLong.of(60), new byte[0]));

		assertThat(call(Mono.just("the one left"))).isEqualTo("the one left");
		AtomicBoolean sent = new AtomicBoolean();
		Disposable next = guard.run("GET /x", () -> Mono.fromSupplier(() -> {
			sent.set(true);
			return "next";
		})).subscribe();

		assertThat(sent).isFalse();
		next.dispose();
	}

	@Test
	void answersWithoutRateLimitHeadersLeaveTheRouteUnlimited() {
		guard.observe("GET /x", new SpotReply(200, OptionalLong.empty(), OptionalLong.empty(), new byte[0]));

		for (int i = 0; i < 20; i++) {
			assertThat(call(Mono.just("call " + i))).isEqualTo("call " + i);
		}
	}

	@Test
	void anAnswerOfANewWindowLiftsTheBudget() {
		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(0), OptionalLong.of(1), new byte[0]));
		call(Mono.just("after the reset"));

		guard.observe("GET /x", new SpotReply(200, OptionalLong.of(5), OptionalLong.of(60), new byte[0]));

		for (int i = 0; i < 5; i++) {
			assertThat(call(Mono.just("call " + i))).isEqualTo("call " + i);
		}
	}

	@Test
	void theRateLimiterSpreadsCallsPerSecondOverShortPeriods() {
		RateLimiterConfig hundred = TenantGuard.rateLimiterConfig(100);
		RateLimiterConfig half = TenantGuard.rateLimiterConfig(0.5);

		assertThat(hundred.getLimitForPeriod()).isEqualTo(10);
		assertThat(hundred.getLimitRefreshPeriod()).isEqualTo(Duration.ofMillis(100));
		assertThat(half.getLimitForPeriod()).isEqualTo(1);
		assertThat(half.getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(2));
	}

	private Object call(Mono<String> result) {
		return guard.run("GET /x", () -> result).block(Duration.ofSeconds(5));
	}

	private void callIgnoringErrors(Mono<String> result) {
		try {
			call(result);
		}
		catch (RuntimeException expected) {
			// counted by the breakers
		}
	}

}
