package io.spotbridge.worker.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.spotbridge.worker.spot.OrgUser;
import io.spotbridge.worker.spot.SpotClient;
import reactor.core.publisher.Mono;

/**
 * Spot users by email, for one poll batch. Spot can only list the whole organization, so the list is fetched at most
 * once per tenant and batch and shared by the batch's users; a retry asks for a fresh list (the failed attempt may
 * have created the user). A failed list is not kept.
 */
final class OrgUserIndex {

	private final Map<String, Mono<Map<String, OrgUser>>> byTenant = new ConcurrentHashMap<>();

	Mono<Optional<OrgUser>> byEmail(SpotClient spot, String email, boolean fresh) {
		Mono<Map<String, OrgUser>> index = fresh ? load(spot).doOnNext(users -> byTenant.put(spot.tenant(), Mono.just(users)))
				: byTenant.computeIfAbsent(spot.tenant(),
						tenant -> load(spot).cache(users -> Duration.ofDays(1), error -> Duration.ZERO, () -> Duration.ZERO));
		return index.map(users -> Optional.ofNullable(users.get(normalize(email))));
	}

	private static Mono<Map<String, OrgUser>> load(SpotClient spot) {
		return spot.listUsers().map(OrgUserIndex::index);
	}

	private static Map<String, OrgUser> index(List<OrgUser> users) {
		Map<String, OrgUser> byEmail = new HashMap<>();
		for (OrgUser user : users) {
			if (!user.email().isEmpty() && !"programmatic".equalsIgnoreCase(user.type())) {
				byEmail.putIfAbsent(normalize(user.email()), user);
			}
		}
		return byEmail;
	}

	private static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
