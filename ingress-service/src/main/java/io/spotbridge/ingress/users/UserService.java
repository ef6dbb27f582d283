package io.spotbridge.ingress.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.spotbridge.ingress.directory.Directory;
import io.spotbridge.ingress.directory.NameReservations;
import io.spotbridge.ingress.directory.TenantDirectory;
import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.publish.ChangePublisher;
import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.ingress.scim.RequestContext;
import io.spotbridge.ingress.scim.ResourceFilter;
import io.spotbridge.ingress.scim.ResourceIds;
import io.spotbridge.ingress.scim.ScimPatch;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.ingress.scim.Versions;
import io.spotbridge.model.EventKey;
import io.spotbridge.model.UserCreated;
import io.spotbridge.model.UserDeactivated;
import io.spotbridge.model.UserDeleted;
import io.spotbridge.model.UserEvent;
import io.spotbridge.model.UserReactivated;
import io.spotbridge.model.UserSnapshot;
import io.spotbridge.model.UserUpdated;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * The SCIM Users use cases. Reads come from the directory; every write validates, takes the user's turn, publishes the
 * resulting event to Kafka and only then changes the directory. A write that changes nothing publishes nothing.
 */
@Service
class UserService {

	private static final String USER_NAME = "userName";

	private final Directory directory;

	private final ChangePublisher changes;

	private final NameReservations reservations;

	UserService(Directory directory, ChangePublisher changes, NameReservations reservations) {
		this.directory = directory;
		this.changes = changes;
		this.reservations = reservations;
	}

	UserEntry get(RequestContext context, String id) {
		return users(context).user(id).orElseThrow(() -> ScimProblem.notFound("User", id));
	}

	record Page(int total, List<UserEntry> users) {
	}

	Page list(RequestContext context, Optional<String> filterExpression, ListPage page) {
		TenantDirectory users = users(context);
		Optional<String> userName = filterExpression.flatMap(UserFilters::userNameEquals);
		if (userName.isPresent()) {
			List<UserEntry> matching = users.userByUserName(userName.get()).stream().toList();
			return new Page(matching.size(), page.slice(matching));
		}
		Optional<ResourceFilter<UserEntry>> filter = UserFilters.parse(filterExpression);
		if (filter.isEmpty()) {
			return new Page(users.userCount(), page.slice(users.users()));
		}
		List<UserEntry> matching = indexed(users, filter.get())
			.orElseGet(() -> users.users().stream().filter(filter.get()::matches).toList());
		return new Page(matching.size(), page.slice(matching));
	}

	/** {@code userName eq}, {@code externalId eq} and {@code id eq} are answered from indexes, not by a scan. */
	private static Optional<List<UserEntry>> indexed(TenantDirectory users, ResourceFilter<UserEntry> filter) {
		return filter.equalityOn("username")
			.map(name -> users.userByUserName(name).stream().toList())
			.or(() -> filter.equalityOn("externalid").map(ext -> users.userByExternalId(ext).stream().toList()))
			.or(() -> filter.equalityOn("id").map(id -> users.user(id).stream().toList()));
	}

	Mono<UserEntry> create(RequestContext context, ObjectNode body) {
		Instant now = Instant.now();
		UserSnapshot user = UserResources.toSnapshot(body, ResourceIds.next(), now, now);
		EventKey key = new EventKey(context.tenantName(), user.id());
		return changes.asNew(() -> withUserName(context, user, null,
				() -> changes.publish(key, 0, version -> new UserCreated(eventId(), context.tenantName(), version, now,
						context.correlationId(), user))))
			.map(event -> new UserEntry(event.user(), event.version()));
	}

	Mono<UserEntry> replace(RequestContext context, String id, ObjectNode body, Optional<String> ifMatch) {
		return update(context, id, ifMatch, current -> body);
	}

	Mono<UserEntry> patch(RequestContext context, String id, ObjectNode patch, Optional<String> ifMatch) {
		return update(context, id, ifMatch,
				current -> ScimPatch.apply(UserResources.toResource(current, context.baseUrl()), patch,
						UserResources.PATCHABLE));
	}

	Mono<Void> delete(RequestContext context, String id, Optional<String> ifMatch) {
		EventKey key = new EventKey(context.tenantName(), id);
		return changes.inTurn(key, () -> {
			UserEntry current = get(context, id);
			Versions.checkIfMatch(ifMatch, current.version());
			Instant now = Instant.now();
			return changes.publish(key, current.version(), version -> new UserDeleted(eventId(), context.tenantName(),
					version, now, context.correlationId(), current.user().withActive(false, now)));
		}).then();
	}

	private Mono<UserEntry> update(RequestContext context, String id, Optional<String> ifMatch,
			java.util.function.Function<UserEntry, ObjectNode> newResource) {
		EventKey key = new EventKey(context.tenantName(), id);
		return changes.inTurn(key, () -> {
			UserEntry current = get(context, id);
			Versions.checkIfMatch(ifMatch, current.version());
			Instant now = Instant.now();
			UserSnapshot next = UserResources.toSnapshot(newResource.apply(current), id, current.user().created(), now);
			if (sameState(current.user(), next)) {
				return Mono.just(current);
			}
			return withUserName(context, next, current.user(),
					() -> changes.publish(key, current.version(), version -> event(context, current.user(), next,
							version, now)))
				.map(event -> new UserEntry(event.user(), event.version()));
		});
	}

	private static UserEvent event(RequestContext context, UserSnapshot before, UserSnapshot after, long version,
			Instant now) {
		String tenant = context.tenantName();
		String correlation = context.correlationId();
		if (before.active() && !after.active()) {
			return new UserDeactivated(eventId(), tenant, version, now, correlation, after);
		}
		if (!before.active() && after.active()) {
			return new UserReactivated(eventId(), tenant, version, now, correlation, after);
		}
		return new UserUpdated(eventId(), tenant, version, now, correlation, after);
	}

	/**
	 * Runs the write while holding the user's userName, so that two users can never end up with names equal but for
	 * case. 409 {@code uniqueness} when another user has it or is being created with it.
	 */
	private <T> Mono<T> withUserName(RequestContext context, UserSnapshot user, UserSnapshot before,
			java.util.function.Supplier<Mono<T>> write) {
		String folded = TenantDirectory.fold(user.userName());
		if (before != null && TenantDirectory.fold(before.userName()).equals(folded)) {
			return write.get();
		}
		String tenant = context.tenantName();
		boolean takenInDirectory = users(context).userByUserName(user.userName())
			.filter(other -> !other.id().equals(user.id()))
			.isPresent();
		if (takenInDirectory || !reservations.tryReserve(tenant, USER_NAME, folded, user.id())) {
			return Mono.error(ScimProblem.uniqueness("userName " + user.userName() + " is already taken"));
		}
		return Mono.defer(write).doFinally(signal -> reservations.release(tenant, USER_NAME, folded, user.id()));
	}

	private static boolean sameState(UserSnapshot current, UserSnapshot next) {
		return current.attributes().sameAs(next.attributes())
				&& current.equals(new UserSnapshot(next.id(), next.userName(), next.externalId(), next.givenName(),
						next.familyName(), next.displayName(), next.email(), next.active(), next.role(),
						current.attributes(), next.created(), current.lastModified()));
	}

	private TenantDirectory users(RequestContext context) {
		return directory.tenant(context.tenantName());
	}

	private static String eventId() {
		return UUID.randomUUID().toString();
	}

}
