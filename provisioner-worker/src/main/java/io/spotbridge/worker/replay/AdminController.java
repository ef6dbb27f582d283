package io.spotbridge.worker.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API on the worker's server port ({@code WORKER_PORT}): {@code GET /admin/dead-letters} lists dead letters,
 * {@code POST /admin/replay} replays them. Both take the filters {@code tenant}, {@code user}, {@code error},
 * {@code since}, {@code until} (ISO instants); replay also {@code dryRun}, {@code ratePerSecond} and {@code by} (who
 * asks, for the log and {@code x-replayed-by}; default {@code admin-api}).
 */
@RestController
@RequestMapping("/admin")
class AdminController {

	private final AdminAuth auth;

	private final DeadLetters deadLetters;

	private final Replayer replayer;

	AdminController(AdminAuth auth, DeadLetters deadLetters, Replayer replayer) {
		this.auth = auth;
		this.deadLetters = deadLetters;
		this.replayer = replayer;
	}

	@GetMapping("/dead-letters")
	Mono<List<DeadLetter>> deadLetters(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String tenant, @RequestParam(required = false) String user,
			@RequestParam(required = false) String error, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		auth.check(authorization);
		DeadLetterFilter filter = filter(tenant, user, error, since, until);
		return Mono.fromCallable(() -> deadLetters.list(filter)).subscribeOn(Schedulers.boundedElastic());
	}

	@PostMapping("/replay")
	Mono<ReplaySummary> replay(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String tenant, @RequestParam(required = false) String user,
			@RequestParam(required = false) String error, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "0") double ratePerSecond,
			@RequestParam(required = false, defaultValue = "admin-api") String by) {
		auth.check(authorization);
		DeadLetterFilter filter = filter(tenant, user, error, since, until);
		return Mono.fromCallable(() -> replayer.replay(filter, dryRun, ratePerSecond, by))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/** Errors of the admin API answer {@code {"error": reason}} with their status (never echoing a token). */
	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, String>> refused(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.body(Map.of("error", ex.getReason() == null ? "refused" : ex.getReason()));
	}

	private static DeadLetterFilter filter(String tenant, String user, String error, String since, String until) {
		return new DeadLetterFilter(tenant, user, error, instant("since", since), instant("until", until));
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is not an ISO instant: " + value);
		}
	}

}
