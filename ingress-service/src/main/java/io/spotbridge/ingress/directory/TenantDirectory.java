package io.spotbridge.ingress.directory;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

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

	private final NameIndex userIdByUserName = new NameIndex();

	private final NameIndex userIdByExternalId = new NameIndex();

	private final ConcurrentSkipListMap<String, GroupEntry> groups = new ConcurrentSkipListMap<>();

	private final NameIndex groupIdByDisplayName = new NameIndex();

	private final Map<String, Long> deletedVersions = new ConcurrentHashMap<>();

	/** Whether its size gauges are registered ({@link Directory}). */
	volatile boolean metered;

	public Optional<UserEntry> user(String id) {
		return Optional.ofNullable(users.get(id));
	}

	public Optional<UserEntry> userByUserName(String userName) {
		return userIdByUserName.lookup(fold(userName)).map(users::get);
	}

	public Optional<UserEntry> userByExternalId(String externalId) {
		return userIdByExternalId.lookup(externalId).map(users::get);
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
		return groupIdByDisplayName.lookup(fold(displayName)).map(groups::get);
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
			userIdByUserName.remove(fold(previous.user().userName()), id);
			if (previous.user().externalId() != null) {
				userIdByExternalId.remove(previous.user().externalId(), id);
			}
		}
		if (event instanceof UserDeleted) {
			users.remove(id);
			deletedVersions.put(id, event.version());
			return true;
		}
		var entry = new UserEntry(event.user(), event.version());
		users.put(id, entry);
		userIdByUserName.add(fold(entry.user().userName()), id);
		if (entry.user().externalId() != null) {
			userIdByExternalId.add(entry.user().externalId(), id);
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
			groupIdByDisplayName.remove(fold(previous.group().displayName()), id);
		}
		if (event instanceof GroupDeleted) {
			groups.remove(id);
			deletedVersions.put(id, event.version());
			return true;
		}
		groups.put(id, new GroupEntry(event.group(), event.version()));
		groupIdByDisplayName.add(fold(event.group().displayName()), id);
		return true;
	}

	/** Case folding used for userName and group displayName uniqueness (RFC 7643: caseExact false). */
	public static String fold(String value) {
		return Objects.requireNonNull(value).toLowerCase(Locale.ROOT);
	}

}
