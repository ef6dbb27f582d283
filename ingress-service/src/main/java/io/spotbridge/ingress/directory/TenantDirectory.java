package io.spotbridge.ingress.directory;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.spotbridge.model.GroupDeleted;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.UserDeleted;
import io.spotbridge.model.UserEvent;

/**
 * One tenant's users and groups, indexed for the lookups Okta makes (id, userName case-insensitively, externalId,
 * group displayName). Reads are lock-free; {@link #apply} is serialized per tenant and enforces max-version-wins, so a
 * replayed or duplicated older record is a no-op — including one older than a deletion.
 *
 * <p>
 * Resources are ordered by id. Ids are time-ordered, so pages come in creation order and are stable.
 */
public final class TenantDirectory {

	private final ConcurrentSkipListMap<String, UserEntry> users = new ConcurrentSkipListMap<>();

	// name -> ids: while the topics are replayed, a stale state of one user may briefly share a name with the user that
	// holds it now; removing the stale one must not lose the other
	private final Map<String, Set<String>> userIdByUserName = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> userIdByExternalId = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<String, GroupEntry> groups = new ConcurrentSkipListMap<>();

	private final Map<String, Set<String>> groupIdByDisplayName = new ConcurrentHashMap<>();

	private final Map<String, Long> deletedVersions = new ConcurrentHashMap<>();

	public Optional<UserEntry> user(String id) {
		return Optional.ofNullable(users.get(id));
	}

	public Optional<UserEntry> userByUserName(String userName) {
		return lookup(userIdByUserName, fold(userName)).map(users::get);
	}

	public Optional<UserEntry> userByExternalId(String externalId) {
		return lookup(userIdByExternalId, externalId).map(users::get);
	}

	public Collection<UserEntry> users() {
		return users.values();
	}

	public int userCount() {
		return users.size();
	}

	public Optional<GroupEntry> group(String id) {
		return Optional.ofNullable(groups.get(id));
	}

	public Optional<GroupEntry> groupByDisplayName(String displayName) {
		return lookup(groupIdByDisplayName, fold(displayName)).map(groups::get);
	}

	public Collection<GroupEntry> groups() {
		return groups.values();
	}

	public int groupCount() {
		return groups.size();
	}

	/** The version last applied for a resource id, also after its deletion; 0 when never seen. */
	public long versionOf(String id) {
		UserEntry user = users.get(id);
		if (user != null) {
			return user.version();
		}
		GroupEntry group = groups.get(id);
		if (group != null) {
			return group.version();
		}
		return deletedVersions.getOrDefault(id, 0L);
	}

	/** @return whether the event was newer than what the directory held, and so was applied */
	synchronized boolean apply(UserEvent event) {
		String id = event.user().id();
		if (event.version() <= versionOf(id)) {
			return false;
		}
		UserEntry previous = users.get(id);
		if (previous != null) {
			unindex(userIdByUserName, fold(previous.user().userName()), id);
			if (previous.user().externalId() != null) {
				unindex(userIdByExternalId, previous.user().externalId(), id);
			}
		}
		if (event instanceof UserDeleted) {
			users.remove(id);
			deletedVersions.put(id, event.version());
			return true;
		}
		var entry = new UserEntry(event.user(), event.version());
		users.put(id, entry);
		index(userIdByUserName, fold(entry.user().userName()), id);
		if (entry.user().externalId() != null) {
			index(userIdByExternalId, entry.user().externalId(), id);
		}
		return true;
	}

	synchronized boolean apply(GroupEvent event) {
		String id = event.group().id();
		if (event.version() <= versionOf(id)) {
			return false;
		}
		GroupEntry previous = groups.get(id);
		if (previous != null) {
			unindex(groupIdByDisplayName, fold(previous.group().displayName()), id);
		}
		if (event instanceof GroupDeleted) {
			groups.remove(id);
			deletedVersions.put(id, event.version());
			return true;
		}
		groups.put(id, new GroupEntry(event.group(), event.version()));
		index(groupIdByDisplayName, fold(event.group().displayName()), id);
		return true;
	}

	private static Optional<String> lookup(Map<String, Set<String>> index, String key) {
		Set<String> ids = index.get(key);
		return ids == null ? Optional.empty() : ids.stream().findFirst();
	}

	private static void index(Map<String, Set<String>> index, String key, String id) {
		index.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>()).add(id);
	}

	private static void unindex(Map<String, Set<String>> index, String key, String id) {
		index.computeIfPresent(key, (k, ids) -> {
			ids.remove(id);
			return ids.isEmpty() ? null : ids;
		});
	}

	/** Case folding used for userName and group displayName uniqueness (RFC 7643: caseExact false). */
	public static String fold(String value) {
		return Objects.requireNonNull(value).toLowerCase(Locale.ROOT);
	}

}
