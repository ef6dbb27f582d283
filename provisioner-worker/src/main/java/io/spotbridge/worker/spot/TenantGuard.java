package io.spotbridge.worker.spot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.spotbridge.worker.tenants.TenantSettings;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * What every Spot call of one tenant passes before it is made, in this order:
 * <ol>
 * <li>the circuit breakers: the <em>outage</em> breaker (opens when too many calls fail transiently) and the
 * <em>credentials</em> gate (opens on the first 401/403, lets one probe call through after a pause that doubles with
 * every rejected probe); while either is open the call is not made ({@link CallBlockedException});</li>
 * <li>the route budget: every answer's {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} tell how many more
 * calls the route's current window admits; the guard counts the calls it starts against that (less the calls still in
 * flight, which Spot may not have counted yet), and once none is left, calls on the route wait for the reset (capped by
 * {@code bridge.spot.max-rate-limit-wait}) instead of being sent to be answered 429. A 429 closes the route until its
 * reset too;</li>
 * <li>the tenant's rate limiter ({@code calls-per-second}), waited for without blocking a thread.</li>
 * </ol>
 */
public class TenantGuard {

	private final String tenant;

	private final CircuitBreaker outage;

	private final CircuitBreaker credentials;

	private final RateLimiter rateLimiter;

	private final Duration maxRateLimitWait;

	private final Clock clock;

	/** Answers whose reset lies this much later than the known window's describe a new window. */
	private static final Duration WINDOW_TOLERANCE = Duration.ofSeconds(2);

	/** How often a call waiting for a route's reset looks whether the route's window admits it after all. */
	private static final Duration RECHECK = Duration.ofMillis(200);

	private final Map<String, RouteWindow> routeWindows = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> routeInFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

	private volatile Optional<CredentialsRejectedException> lastRejection = Optional.empty();

	TenantGuard(TenantSettings tenant, SpotProperties properties, Clock clock) {
		this.tenant = tenant.name();
		this.clock = clock;
		this.maxRateLimitWait = properties.maxRateLimitWait();
		this.outage = CircuitBreaker.of(tenant.name() + "-outage", outageConfig(properties.breaker()));
		this.credentials = CircuitBreaker.of(tenant.name() + "-credentials", credentialsConfig(properties.credentials()));
		this.rateLimiter = RateLimiter.of(tenant.name(), rateLimiterConfig(tenant.callsPerSecond()));
		this.credentials.getEventPublisher().onStateTransition(event -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
				lastRejection = Optional.empty();
			}
		});
	}

	/** Runs the call once the gates allow it; records its outcome in the breakers. */
	<T> Mono<T> run(String route, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			Optional<CallBlockedException> blocked = blockedNow(route);
			if (blocked.isPresent()) {
				return Mono.error(blocked.get());
			}
			return admitted(route).then(Mono.defer(() -> guarded(route, call)));
		});
	}

	/**
	 * Completes when the call may be sent: the route's window has room, the rate limiter gave a permit, and then (right
	 * before sending, as the permit may have taken a while and answers meanwhile may have used the window up) the call
	 * is counted against the window; without room left it waits again.
	 */
	private Mono<Long> admitted(String route) {
		return routeOpen(route).then(Mono.defer(this::ratePermit)).then(Mono.defer(() -> {
			Duration wait = takeFromRoute(route);
			return wait.isZero() ? Mono.just(0L) : admitted(route);
		}));
	}

	/** Completes once the route's window seems to have room (without counting a call against it). */
	private Mono<Long> routeOpen(String route) {
		return Mono.defer(() -> {
			Duration wait = routeWait(route);
			if (wait.isZero()) {
				return Mono.just(0L);
			}
			// look again now and then: answers of calls in flight may show that more calls fit after all
			return Mono.delay(wait.compareTo(RECHECK) > 0 ? RECHECK : wait).then(routeOpen(route));
		});
	}

	/**
	 * Notes the rate-limit headers of an answer: how many calls the route's window still admits, and when it resets; a
	 * 429 closes the route until the reset.
	 */
	void observe(String route, SpotReply reply) {
		reply.remaining().ifPresent(value -> remaining.computeIfAbsent(route, r -> new AtomicLong()).set(value));
		if (reply.status() == 429) {
			closeRoute(route, reply.resetDuration().orElse(SpotErrors.DEFAULT_RESET));
			return;
		}
		if (reply.remaining().isEmpty()) {
			return;
		}
		long left = reply.remaining().getAsLong();
		Duration reset = reply.resetDuration().orElse(left <= 0 ? SpotErrors.DEFAULT_RESET : Duration.ZERO);
		if (reset.isZero()) {
			return;
		}
		// calls still in flight besides this one may have been admitted after it: count them as used
		AtomicLong inFlight = routeInFlight.get(route);
		long others = inFlight == null ? 0 : Math.max(0, inFlight.get() - 1);
		Instant now = clock.instant();
		Instant until = now.plus(capped(reset));
		routeWindows.compute(route, (r, current) -> {
			if (current == null || !now.isBefore(current.resetAt)
					|| until.isAfter(current.resetAt.plus(WINDOW_TOLERANCE))) {
				return new RouteWindow(until, left, others);
			}
			current.update(left, others);
			return current;
		});
	}

	private void closeRoute(String route, Duration reset) {
		Instant until = clock.instant().plus(capped(reset));
		routeWindows.compute(route, (r, current) -> {
			if (current == null || until.isAfter(current.resetAt)) {
				return new RouteWindow(until, 0, 0);
			}
			current.close();
			return current;
		});
	}

	private Duration capped(Duration reset) {
		return reset.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : reset;
	}

	/** Zero when the route's window has room (or is unknown), else how long until it resets. */
	private Duration routeWait(String route) {
		RouteWindow window = routeWindows.get(route);
		if (window == null) {
			return Duration.ZERO;
		}
		Instant now = clock.instant();
		if (!now.isBefore(window.resetAt)) {
			routeWindows.remove(route, window);
			return Duration.ZERO;
		}
		return window.hasRoom() ? Duration.ZERO : Duration.between(now, window.resetAt);
	}

	/** Zero when the call may go (and is counted against the route's window), else how long to wait first. */
	private Duration takeFromRoute(String route) {
		RouteWindow window = routeWindows.get(route);
		if (window == null) {
			return Duration.ZERO;
		}
		Instant now = clock.instant();
		if (!now.isBefore(window.resetAt)) {
			routeWindows.remove(route, window);
			return Duration.ZERO;
		}
		return window.take() ? Duration.ZERO : Duration.between(now, window.resetAt);
	}

	private Optional<CallBlockedException> blockedNow(String route) {
		if (isOpen(credentials)) {
			return Optional.of(new CallBlockedException(tenant, route, CallBlockedException.Gate.CREDENTIALS));
		}
		if (isOpen(outage)) {
			return Optional.of(new CallBlockedException(tenant, route, CallBlockedException.Gate.OUTAGE));
		}
		return Optional.empty();
	}

	private Mono<Long> ratePermit() {
		long nanos = rateLimiter.reservePermission();
		if (nanos < 0) {
			return Mono.error(new TransientSpotException("rate-limiter", 0, "rate limiter of tenant " + tenant
					+ " has no permission within its timeout"));
		}
		return nanos == 0 ? Mono.just(0L) : Mono.delay(Duration.ofNanos(nanos));
	}

	private <T> Mono<T> guarded(String route, Supplier<Mono<T>> call) {
		if (!credentials.tryAcquirePermission()) {
			return Mono.error(new CallBlockedException(tenant, route, CallBlockedException.Gate.CREDENTIALS));
		}
		if (!outage.tryAcquirePermission()) {
			credentials.releasePermission();
			return Mono.error(new CallBlockedException(tenant, route, CallBlockedException.Gate.OUTAGE));
		}
		long started = System.nanoTime();
		AtomicLong inFlight = routeInFlight.computeIfAbsent(route, r -> new AtomicLong());
		return Mono.defer(() -> {
			inFlight.incrementAndGet();
			return call.get();
		}).doFinally(signal -> {
			inFlight.decrementAndGet();
			// permissions of cancelled calls are given back; outcomes are recorded below
			if (signal == SignalType.CANCEL) {
				credentials.releasePermission();
				outage.releasePermission();
			}
		}).doOnSuccess(value -> {
			long elapsed = System.nanoTime() - started;
			credentials.onSuccess(elapsed, TimeUnit.NANOSECONDS);
			outage.onSuccess(elapsed, TimeUnit.NANOSECONDS);
		}).doOnError(error -> {
			long elapsed = System.nanoTime() - started;
			if (error instanceof CredentialsRejectedException rejected) {
				lastRejection = Optional.of(rejected);
			}
			credentials.onError(elapsed, TimeUnit.NANOSECONDS, error);
			outage.onError(elapsed, TimeUnit.NANOSECONDS, error);
		});
	}

	private static boolean isOpen(CircuitBreaker breaker) {
		CircuitBreaker.State state = breaker.getState();
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

	public String tenant() {
		return tenant;
	}

	public CircuitBreaker outageBreaker() {
		return outage;
	}

	public CircuitBreaker credentialsGate() {
		return credentials;
	}

	public RateLimiter rateLimiter() {
		return rateLimiter;
	}

	/** Whether calls may be made now: neither breaker is open. */
	public boolean admitsCalls() {
		return !isOpen(credentials) && !isOpen(outage);
	}

	/** Whether Spot's last word on the token was a rejection that no call has disproved since. */
	public boolean credentialsRejected() {
		return credentials.getState() != CircuitBreaker.State.CLOSED;
	}

	/** The rejection that opened the credentials gate, while it is not closed. */
	public Optional<CredentialsRejectedException> lastRejection() {
		return credentialsRejected() ? lastRejection : Optional.empty();
	}

	/** {@code X-RateLimit-Remaining} of the last answer per route. */
	public Map<String, AtomicLong> rateLimitRemaining() {
		return remaining;
	}

	/**
	 * A route's current rate-limit window as the answers describe it: its end, and how many more calls may be started
	 * in it. Within a window Spot's remaining count only falls, so the answer with the lowest one is the newest: it
	 * sets the budget (its remaining count less the calls in flight besides it, which Spot may have admitted after it);
	 * older answers arriving late are ignored. Replacing rather than only lowering the budget lets a count that was
	 * too cautious (calls in flight that Spot had in fact admitted before) recover with the next answers.
	 */
	private static final class RouteWindow {

		final Instant resetAt;

		private long budget;

		private long lowestRemaining;

		RouteWindow(Instant resetAt, long remaining, long inFlight) {
			this.resetAt = resetAt;
			this.lowestRemaining = remaining;
			this.budget = Math.max(0, remaining - inFlight);
		}

		synchronized boolean hasRoom() {
			return budget > 0;
		}

		synchronized boolean take() {
			if (budget <= 0) {
				return false;
			}
			budget--;
			return true;
		}

		synchronized void close() {
			lowestRemaining = 0;
			budget = 0;
		}

		synchronized void update(long remaining, long inFlight) {
			if (remaining < lowestRemaining) {
				lowestRemaining = remaining;
				budget = Math.max(0, remaining - inFlight);
			}
		}

	}

	static CircuitBreakerConfig outageConfig(SpotProperties.Breaker breaker) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpen())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// 429 and rejected tokens are not an outage; 4xx answers prove Spot is up (they count as successes)
			.ignoreException(error -> error instanceof RateLimitedException
					|| error instanceof CredentialsRejectedException || error instanceof CallBlockedException)
			.recordException(error -> error instanceof TransientSpotException)
			.build();
	}

	static CircuitBreakerConfig credentialsConfig(SpotProperties.Credentials settings) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(1)
			.minimumNumberOfCalls(1)
			.failureRateThreshold(100)
			.permittedNumberOfCallsInHalfOpenState(1)
			.waitIntervalFunctionInOpenState(
					IntervalFunction.ofExponentialBackoff(settings.initialWait(), 2.0, settings.maxWait()))
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// only an answer from Spot about the token tells anything about it: failures without one are ignored
			.ignoreException(error -> error instanceof TransientSpotException || error instanceof CallBlockedException)
			.recordException(error -> error instanceof CredentialsRejectedException)
			.build();
	}

	static RateLimiterConfig rateLimiterConfig(double callsPerSecond) {
		int perPeriod = (int) Math.max(1, Math.ceil(callsPerSecond / 10));
		long periodNanos = Math.max(1_000_000L, Math.round(perPeriod * 1_000_000_000d / callsPerSecond));
		return RateLimiterConfig.custom()
			.limitForPeriod(perPeriod)
			.limitRefreshPeriod(Duration.ofNanos(periodNanos))
			.timeoutDuration(Duration.ofMinutes(5))
			.build();
	}

}
