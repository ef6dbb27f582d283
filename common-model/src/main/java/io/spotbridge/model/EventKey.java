package io.spotbridge.model;

import java.util.Objects;

/**
 * The Kafka record key of a user or group: {@code <tenant>/<id>}. Partitioning by it keeps every change of one
 * resource in order, and compaction keeps the latest state per resource.
 */
public record EventKey(String tenant, String id) {

	public EventKey {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(id, "id");
		if (tenant.isEmpty() || tenant.contains("/")) {
			throw new IllegalArgumentException("tenant must be non-empty and contain no '/': " + tenant);
		}
	}

	public static EventKey parse(String key) {
		int slash = key == null ? -1 : key.indexOf('/');
		if (slash <= 0 || slash == key.length() - 1) {
			throw new IllegalArgumentException("not a <tenant>/<id> key: " + key);
		}
		return new EventKey(key.substring(0, slash), key.substring(slash + 1));
	}

	@Override
	public String toString() {
		return tenant + "/" + id;
	}

}
