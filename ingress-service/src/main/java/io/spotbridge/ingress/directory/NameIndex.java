package io.spotbridge.ingress.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * name -> id, compact: almost every name maps to one id, stored as the id itself. While the topics are replayed, a
 * stale state of one resource may briefly share a name with the one that holds it now; then the entry is a small
 * immutable list, so removing the stale holder never loses the other. Writes happen under the tenant's lock; reads
 * are lock-free.
 */
final class NameIndex {

	private final Map<String, Object> ids = new ConcurrentHashMap<>();

	Optional<String> lookup(String name) {
		Object holders = ids.get(name);
		if (holders instanceof String id) {
			return Optional.of(id);
		}
		return holders == null ? Optional.empty() : holdersOf(holders).stream().findFirst();
	}

	void add(String name, String id) {
		ids.merge(name, id, (holders, added) -> {
			List<String> all = new ArrayList<>(holdersOf(holders));
			if (!all.contains(id)) {
				all.add(id);
			}
			return all.size() == 1 ? all.get(0) : List.copyOf(all);
		});
	}

	void remove(String name, String id) {
		ids.computeIfPresent(name, (key, holders) -> {
			List<String> rest = new ArrayList<>(holdersOf(holders));
			rest.remove(id);
			if (rest.isEmpty()) {
				return null;
			}
			return rest.size() == 1 ? rest.get(0) : List.copyOf(rest);
		});
	}

	@SuppressWarnings("unchecked")
	private static List<String> holdersOf(Object holders) {
		return holders instanceof String id ? List.of(id) : (List<String>) holders;
	}

}
