package io.spotbridge.ingress.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.spotbridge.model.EventKey;

import org.springframework.stereotype.Component;

/**
 * Hands out the next version of a resource. A version whose publication failed is never handed out again: Kafka may
 * still have stored it (a timed-out send is not a proof of absence), so a retry gets a higher one and max-version-wins
 * orders them correctly.
 */
@Component
public class VersionClock {

	private final Map<EventKey, Long> failed = new ConcurrentHashMap<>();

	/** Call only while holding the key's turn in the {@link KeyedSerializer}. */
	public long next(EventKey key, long currentVersion) {
		return Math.max(currentVersion, failed.getOrDefault(key, 0L)) + 1;
	}

	public void published(EventKey key) {
		failed.remove(key);
	}

	public void failed(EventKey key, long version) {
		failed.merge(key, version, Math::max);
	}

}
