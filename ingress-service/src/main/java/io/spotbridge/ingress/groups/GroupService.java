package io.spotbridge.ingress.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.spotbridge.ingress.directory.Directory;
import io.spotbridge.ingress.directory.GroupEntry;
import io.spotbridge.ingress.directory.NameReservations;
import io.spotbridge.ingress.directory.TenantDirectory;
import io.spotbridge.ingress.publish.ChangePublisher;
import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.ingress.scim.RequestContext;
import io.spotbridge.ingress.scim.ResourceFilter;
import io.spotbridge.ingress.scim.ResourceIds;
import io.spotbridge.ingress.scim.ScimPatch;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.ingress.scim.Versions;
import io.spotbridge.model.EventKey;
import io.spotbridge.model.GroupCreated;
import io.spotbridge.model.GroupDeleted;
import io.spotbridge.model.GroupSnapshot;
import io.spotbridge.model.GroupUpdated;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * The SCIM Groups use cases (Okta Group Push). Membership changes are read-modify-write inside the group's turn, so
 * Okta's parallel member PATCHes never lose a member. displayName is unique per tenant, case-insensitively (Spot user
 * group names are unique too).
 */
@Service
class GroupService {

	private static final String DISPLAY_NAME = "displayName";

	private final Directory directory;

	private final ChangePublisher changes;

	private final NameReservations reservations;

	GroupService(Directory directory, ChangePublisher changes, NameReservations reservations) {
		this.directory = directory;
		this.changes = changes;
		this.reservations = reservations;
	}

	GroupEntry get(RequestContext context, String id) {
		return groups(context).group(id).orElseThrow(() -> ScimProblem.notFound("Group", id));
	}

	record Page(int total, List<GroupEntry> groups) {
	}

	Page list(RequestContext context, Optional<String> filterExpression, ListPage page) {
		TenantDirectory groups = groups(context);
		Optional<ResourceFilter<GroupEntry>> filter = GroupFilters.parse(filterExpression);
		if (filter.isEmpty()) {
			return new Page(groups.groupCount(), page.slice(groups.groups()));
		}
		List<GroupEntry> matching = filter.get().equalityOn("displayname")
			.map(name -> groups.groupByDisplayName(name).stream().toList())
			.orElseGet(() -> groups.groups().stream().filter(filter.get()::matches).toList());
		return new Page(matching.size(), page.slice(matching));
	}

	Mono<GroupEntry> create(RequestContext context, ObjectNode body) {
		Instant now = Instant.now();
		GroupSnapshot group = GroupResources.toSnapshot(body, ResourceIds.next(), now, now);
		EventKey key = new EventKey(context.tenantName(), group.id());
		return changes.asNew(() -> withDisplayName(context, group, null,
				() -> changes.publish(key, 0, version -> new GroupCreated(eventId(), context.tenantName(), version,
						now, context.correlationId(), group))))
			.map(event -> new GroupEntry(event.group(), event.version()));
	}

	Mono<GroupEntry> replace(RequestContext context, String id, ObjectNode body, Optional<String> ifMatch) {
		return update(context, id, ifMatch, current -> body);
	}

	Mono<GroupEntry> patch(RequestContext context, String id, ObjectNode patch, Optional<String> ifMatch) {
		return update(context, id, ifMatch, current -> ScimPatch.apply(
				GroupResources.toResource(current, context.baseUrl()), patch, GroupResources.PATCHABLE));
	}

	Mono<Void> delete(RequestContext context, String id, Optional<String> ifMatch) {
		EventKey key = new EventKey(context.tenantName(), id);
		return changes.inTurn(key, () -> {
			GroupEntry current = get(context, id);
			Versions.checkIfMatch(ifMatch, current.version());
			return changes.publish(key, current.version(), version -> new GroupDeleted(eventId(),
					context.tenantName(), version, Instant.now(), context.correlationId(), current.group()));
		}).then();
	}

	private Mono<GroupEntry> update(RequestContext context, String id, Optional<String> ifMatch,
			Function<GroupEntry, ObjectNode> newResource) {
		EventKey key = new EventKey(context.tenantName(), id);
		return changes.inTurn(key, () -> {
			GroupEntry current = get(context, id);
			Versions.checkIfMatch(ifMatch, current.version());
			Instant now = Instant.now();
			GroupSnapshot next = GroupResources.toSnapshot(newResource.apply(current), id, current.group().created(),
					now);
			if (sameState(current.group(), next)) {
				return Mono.just(current);
			}
			return withDisplayName(context, next, current.group(),
					() -> changes.publish(key, current.version(), version -> new GroupUpdated(eventId(),
							context.tenantName(), version, now, context.correlationId(), next)))
				.map(event -> new GroupEntry(event.group(), event.version()));
		});
	}

	private <T> Mono<T> withDisplayName(RequestContext context, GroupSnapshot group, GroupSnapshot before,
			Supplier<Mono<T>> write) {
		String folded = TenantDirectory.fold(group.displayName());
		if (before != null && TenantDirectory.fold(before.displayName()).equals(folded)) {
			return write.get();
		}
		String tenant = context.tenantName();
		boolean taken = groups(context).groupByDisplayName(group.displayName())
			.filter(other -> !other.id().equals(group.id()))
			.isPresent();
		if (taken || !reservations.tryReserve(tenant, DISPLAY_NAME, folded, group.id())) {
			return Mono.error(ScimProblem.uniqueness("A group named " + group.displayName() + " already exists"));
		}
		return Mono.defer(write).doFinally(signal -> reservations.release(tenant, DISPLAY_NAME, folded, group.id()));
	}

	private static boolean sameState(GroupSnapshot current, GroupSnapshot next) {
		return current.equals(new GroupSnapshot(next.id(), next.displayName(), next.externalId(), next.members(),
				next.created(), current.lastModified()));
	}

	private TenantDirectory groups(RequestContext context) {
		return directory.tenant(context.tenantName());
	}

	private static String eventId() {
		return UUID.randomUUID().toString();
	}

}
