package io.spotbridge.worker.spot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <li>the route budget ({@link RouteBudget}): every answer's {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} tell how many more calls the route's current window admits; the guard counts the calls it
 * lets through against that, and once none is left, calls on the route wait for the reset (capped by
 * {@code bridge.spot.max-rate-limit-wait}) instead of being sent to be answered 429. A 429 closes the route until its
 * reset too;</li>
 * <li>the tenant's rate limiter ({@code calls-per-second}), waited for without blocking a thread.</li>
 * </ol>
 */
public class TenantGuard {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantGuard.class);

	private final String tenant;

	private final CircuitBreaker outage;

	private final CircuitBreaker credentials;

	private final RateLimiter rateLimiter;

	private final Duration maxRateLimitWait;

	private final Clock clock;

	/** How often a call waiting for a route's window looks whether the window admits it after all. */
	private static final Duration RECHECK = Duration.ofMillis(200);

	/** Calls let through on a rate-limited route whose window expired, until an answer describes the next one. */
	private static final int PROBES = 4;

	private final Map<String, RouteBudget> routes = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

	/** The newest rejection; it tells something only while the credentials gate is not closed. */
	private volatile Optional<CredentialsRejectedException> lastRejection = Optional.empty();

	TenantGuard(TenantSettings tenant, SpotProperties properties, Clock clock) {
		this.tenant = tenant.name();
		this.clock = clock;
		this.maxRateLimitWait = properties.maxRateLimitWait();
		this.outage = CircuitBreaker.of(tenant.name() + "-outage", outageConfig(properties.breaker()));
		this.credentials = CircuitBreaker.of(tenant.name() + "-credentials", credentialsConfig(properties.credentials()));
		this.rateLimiter = RateLimiter.of(tenant.name(), rateLimiterConfig(tenant.callsPerSecond()));
		// No listener on the breakers' events: with one, every call's outcome would create and publish an event object
		// (with a zoned timestamp). The last rejection is only answered while the gate is not closed (lastRejection()),
		// and the gate leaves the closed state only through a rejection, which is stored before it is recorded.
	}

	/** Runs the call once the gates allow it; records its outcome in the breakers. */
	<T> Mono<T> run(String route, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			Optional<CallBlockedException> blocked = blockedNow(route);
			if (blocked.isPresent()) {
				return Mono.error(blocked.get());
			}
			RouteBudget budget = routes.computeIfAbsent(route, r -> new RouteBudget());
			if (budget.take(clock.instant()).isZero()) {
				// the usual case, without the operators of the waits: the window admits the call (it is pending now)
				// and the rate limiter has a permit at once
				long nanos = rateLimiter.reservePermission();
				Mono<Long> permit = nanos == 0 ? null : permitAfter(nanos);
				Mono<T> guarded = permit == null ? Mono.defer(() -> guarded(route, call))
						: permit.then(Mono.defer(() -> guarded(route, call)));
				return guarded.doFinally(signal -> budget.finished());
			}
			AtomicBoolean counted = new AtomicBoolean();
			return admitted(route, budget, counted).then(Mono.defer(this::ratePermit))
				.then(Mono.defer(() -> guarded(route, call)))
				.doFinally(signal -> {
					if (counted.get()) {
						budget.finished();
					}
				});
		});
	}

	/**
	 * Completes once the route's window admits the call, which is then counted against it (from then on until it is
	 * answered, the call is <em>pending</em>: waiting for the rate limiter's permit or in flight).
	 */
	private Mono<Long> admitted(String route, RouteBudget budget, AtomicBoolean counted) {
		return Mono.defer(() -> {
			Duration wait = budget.take(clock.instant());
			if (wait.isZero()) {
				counted.set(true);
				return Mono.just(0L);
			}
			if (log.isDebugEnabled()) {
				log.debug("{} {}: no room in the rate-limit window; waiting {} ms", tenant, route, wait.toMillis());
			}
			// look again now and then: answers of pending calls may show that more calls fit after all
			return Mono.delay(wait.compareTo(RECHECK) > 0 ? RECHECK : wait).then(admitted(route, budget, counted));
		});
	}

	/**
	 * Notes the rate-limit headers of an answer: how many calls the route's window still admits, and when it resets; a
	 * 429 closes the route until the reset.
	 */
	void observe(String route, SpotReply reply) {
		reply.remaining().ifPresent(value -> remaining.computeIfAbsent(route, r -> new AtomicLong()).set(value));
		RouteBudget budget = routes.computeIfAbsent(route, r -> new RouteBudget());
		Instant now = clock.instant();
		if (reply.status() == 429) {
			budget.close(now.plus(capped(reply.resetDuration().orElse(SpotErrors.DEFAULT_RESET))));
			return;
		}
		if (reply.remaining().isEmpty()) {
			budget.noHeaders();
			return;
		}
		long left = reply.remaining().getAsLong();
		Duration reset = reply.resetDuration().orElse(left <= 0 ? SpotErrors.DEFAULT_RESET : Duration.ZERO);
		if (!reset.isZero()) {
			budget.answered(now, now.plus(capped(reset)), left);
		}
	}

	private Duration capped(Duration reset) {
		return reset.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : reset;
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
		return nanos == 0 ? Mono.just(0L) : permitAfter(nanos);
	}

	/** The wait for a permit reserved {@code nanos} ahead (an error when there is none within the timeout). */
	private Mono<Long> permitAfter(long nanos) {
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
		return call.get().doFinally(signal -> {
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
	 * What one route's rate-limit window admits, as Spot's answers describe it ({@code X-RateLimit-Remaining},
	 * {@code X-RateLimit-Reset}). A call is counted when it is let through (<em>pending</em> until answered: Spot counts
	 * it when it arrives, so the calls still waiting for the rate limiter's permit certainly are not in an answer's
	 * count, and those in flight may not be). The budget is the newest answer's remaining count less the other pending
	 * calls; within a window Spot's count only falls, so the answer with the lowest count is the newest, and answers
	 * arriving late are ignored. An answer is processed a little after Spot sent it, so every estimate of the window's
	 * end lies after the real end: the earliest is kept. Once a window has ended, only a few probe calls go until an
	 * answer describes the next one; a route whose answers carry no rate-limit headers is not limited.
	 */
	static final class RouteBudget {

		private Instant resetAt;

		private long lowestRemaining;

		private long budget;

		private long pending;

		private boolean windowed;

		private boolean headerless;

		/** Zero when the call may go (it is then pending), else how long to wait before asking again. */
		synchronized Duration take(Instant now) {
			if (resetAt != null && !now.isBefore(resetAt)) {
				resetAt = null;
			}
			boolean admitted;
			if (resetAt != null) {
				admitted = budget > 0;
				if (admitted) {
					budget--;
				}
			}
			else {
				admitted = headerless || !windowed || pending < PROBES;
			}
			if (admitted) {
				pending++;
				return Duration.ZERO;
			}
			return resetAt != null ? Duration.between(now, resetAt) : RECHECK;
		}

		synchronized void finished() {
			pending = Math.max(0, pending - 1);
		}

		synchronized void answered(Instant now, Instant until, long remaining) {
			headerless = false;
			windowed = true;
			// the answered call is still pending while its answer is read
			long others = Math.max(0, pending - 1);
			if (resetAt == null || !now.isBefore(resetAt)) {
				resetAt = until;
				lowestRemaining = remaining;
				budget = Math.max(0, remaining - others);
				return;
			}
			if (until.isBefore(resetAt)) {
				resetAt = until;
			}
			if (remaining < lowestRemaining) {
				lowestRemaining = remaining;
				budget = Math.max(0, remaining - others);
			}
		}

		synchronized void close(Instant until) {
			windowed = true;
			headerless = false;
			if (resetAt == null || until.isAfter(resetAt)) {
				resetAt = until;
			}
			lowestRemaining = 0;
			budget = 0;
		}

		synchronized void noHeaders() {
			if (resetAt == null) {
				headerless = true;
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
