package io.spotbridge.ingress.directory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Names (userName, group displayName) claimed by writes that are still waiting for Kafka. Together with the
 * directory's indexes this makes uniqueness hold under concurrent creates: of two requests for the same name, exactly
 * one gets it, even before either has been acknowledged.
 */
@Component
public class NameReservations {

	private final Map<String, String> reserved = new ConcurrentHashMap<>();

	/** @return whether {@code id} now holds the name (or already did) */
	public boolean tryReserve(String tenant, String kind, String foldedName, String id) {
		String holder = reserved.putIfAbsent(key(tenant, kind, foldedName), id);
		return holder == null || holder.equals(id);
	}

	public void release(String tenant, String kind, String foldedName, String id) {
		reserved.remove(key(tenant, kind, foldedName), id);
	}

	private static String key(String tenant, String kind, String foldedName) {
		return tenant + '\u0000' + kind + '\u0000' + foldedName;
	}

}
