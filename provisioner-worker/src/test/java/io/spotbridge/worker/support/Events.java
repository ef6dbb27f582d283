package io.spotbridge.worker.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.spotbridge.model.GroupCreated;
import io.spotbridge.model.GroupDeleted;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.GroupMember;
import io.spotbridge.model.GroupSnapshot;
import io.spotbridge.model.GroupUpdated;
import io.spotbridge.model.ScimAttributes;
import io.spotbridge.model.UserCreated;
import io.spotbridge.model.UserDeactivated;
import io.spotbridge.model.UserDeleted;
import io.spotbridge.model.UserEvent;
import io.spotbridge.model.UserReactivated;
import io.spotbridge.model.UserSnapshot;
import io.spotbridge.model.UserUpdated;

/** Test data: user and group lifecycle events as the ingress publishes them. */
public final class Events {

	private Events() {
	}

	/** A new active Viewer with a random id and a matching email. */
	public static UserBuilder user(String tenant) {
		String id = UUID.randomUUID().toString();
		String email = "u-" + id.substring(0, 8) + "@example.com";
		return new UserBuilder(tenant, id).userName(email).email(email);
	}

	/** A new group with a random id and a unique display name, without members. */
	public static GroupBuilder group(String tenant) {
		String id = UUID.randomUUID().toString();
		return new GroupBuilder(tenant, id).displayName("Group " + id.substring(0, 8));
	}

	public static final class GroupBuilder {

		private final String tenant;

		private final String id;

		private String displayName;

		private final List<String> members = new ArrayList<>();

		private long version = 1;

		private GroupBuilder(String tenant, String id) {
			this.tenant = tenant;
			this.id = id;
		}

		public GroupBuilder displayName(String displayName) {
			this.displayName = displayName;
			return this;
		}

		/** Adds members by their SCIM user ids. */
		public GroupBuilder members(String... scimUserIds) {
			members.addAll(List.of(scimUserIds));
			return this;
		}

		public GroupBuilder withoutMembers(String... scimUserIds) {
			members.removeAll(List.of(scimUserIds));
			return this;
		}

		public GroupBuilder replaceMembers(String... scimUserIds) {
			members.clear();
			return members(scimUserIds);
		}

		public String id() {
			return id;
		}

		public String displayName() {
			return displayName;
		}

		public String key() {
			return tenant + "/" + id;
		}

		public GroupSnapshot snapshot() {
			Instant now = Instant.now();
			return new GroupSnapshot(id, displayName, null,
					members.stream().map(member -> new GroupMember(member, null)).toList(), now, now);
		}

		public GroupEvent created() {
			return new GroupCreated(eventId(), tenant, version, Instant.now(), "corr-g" + version, snapshot());
		}

		public GroupEvent updated() {
			return new GroupUpdated(eventId(), tenant, version, Instant.now(), "corr-g" + version, snapshot());
		}

		public GroupEvent deleted() {
			return new GroupDeleted(eventId(), tenant, version, Instant.now(), "corr-g" + version, snapshot());
		}

		/** The next version (call before building the next event). */
		public GroupBuilder next() {
			version++;
			return this;
		}

	}

	public static final class UserBuilder {

		private final String tenant;

		private final String id;

		private String email;

		private String userName;

		private String givenName = "Ada";

		private String familyName = "Lovelace";

		private String role = "Viewer";

		private boolean active = true;

		private long version = 1;

		private UserBuilder(String tenant, String id) {
			this.tenant = tenant;
			this.id = id;
		}

		public UserBuilder email(String email) {
			this.email = email;
			return this;
		}

		public UserBuilder userName(String userName) {
			this.userName = userName;
			return this;
		}

		public UserBuilder names(String givenName, String familyName) {
			this.givenName = givenName;
			this.familyName = familyName;
			return this;
		}

		public UserBuilder role(String role) {
			this.role = role;
			return this;
		}

		public UserBuilder active(boolean active) {
			this.active = active;
			return this;
		}

		public UserBuilder version(long version) {
			this.version = version;
			return this;
		}

		public String id() {
			return id;
		}

		public String email() {
			return email;
		}

		public String tenant() {
			return tenant;
		}

		public String key() {
			return tenant + "/" + id;
		}

		public UserSnapshot snapshot() {
			Instant now = Instant.now();
			return new UserSnapshot(id, userName, null, givenName, familyName, null, email, active, role,
					ScimAttributes.EMPTY, now, now);
		}

		public UserEvent created() {
			return new UserCreated(eventId(), tenant, version, Instant.now(), "corr-" + version, snapshot());
		}

		public UserEvent updated() {
			return new UserUpdated(eventId(), tenant, version, Instant.now(), "corr-" + version, snapshot());
		}

		public UserEvent deactivated() {
			active = false;
			return new UserDeactivated(eventId(), tenant, version, Instant.now(), "corr-" + version, snapshot());
		}

		public UserEvent reactivated() {
			active = true;
			return new UserReactivated(eventId(), tenant, version, Instant.now(), "corr-" + version, snapshot());
		}

		public UserEvent deleted() {
			return new UserDeleted(eventId(), tenant, version, Instant.now(), "corr-" + version, snapshot());
		}

		/** The next version (call before building the next event). */
		public UserBuilder next() {
			version++;
			return this;
		}

	}

	private static String eventId() {
		return UUID.randomUUID().toString();
	}

}
