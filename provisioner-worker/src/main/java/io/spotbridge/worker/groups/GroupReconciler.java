package io.spotbridge.worker.groups;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.spotbridge.model.GroupDeleted;
import io.spotbridge.model.GroupEvent;
import io.spotbridge.model.GroupMember;
import io.spotbridge.model.GroupSnapshot;
import io.spotbridge.worker.links.GroupLink;
import io.spotbridge.worker.links.GroupLinkWriter;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.reconcile.Outcome;
import io.spotbridge.worker.reconcile.SpotPolicies;
import io.spotbridge.worker.reconcile.UnprocessableEventException;
import io.spotbridge.worker.spot.PermanentSpotException;
import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotClients;
import io.spotbridge.worker.spot.SpotGroup;
import io.spotbridge.worker.spot.SpotNotFoundException;
import io.spotbridge.worker.tenants.PolicyGrant;
import io.spotbridge.worker.tenants.TenantSettings;
import io.spotbridge.worker.tenants.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Makes Spot match one group event (Okta Group Push): a Spot user group with the pushed display name exists while the
 * group does, with the Spot users of its members as members and, when the tenant maps the group's name to policies,
 * those policies; then records the link. Like users, it reads Spot's state and changes only what differs, so it is
 * safe to run again at any point: a group created by an attempt whose link write was lost is found by its name.
 */
@Component
public class GroupReconciler {

	private static final Logger log = LoggerFactory.getLogger(GroupReconciler.class);

	private final Tenants tenants;

	private final SpotClients clients;

	private final LinkStore links;

	private final GroupLinkWriter linkWriter;

	private final GroupMembers members;

	private final GroupTurns turns;

	private final Clock clock;

	GroupReconciler(Tenants tenants, SpotClients clients, LinkStore links, GroupLinkWriter linkWriter,
			GroupMembers members, GroupTurns turns, Clock clock) {
		this.tenants = tenants;
		this.clients = clients;
		this.links = links;
		this.linkWriter = linkWriter;
		this.members = members;
		this.turns = turns;
		this.clock = clock;
	}

	/** @return {@link Outcome#APPLIED} or {@link Outcome#SKIPPED_STALE} */
	public Mono<Outcome> reconcile(GroupEvent event) {
		return Mono.defer(() -> {
			TenantSettings tenant = tenants.find(event.tenant())
				.orElseThrow(() -> new UnprocessableEventException("tenant " + event.tenant() + " is not configured"));
			SpotClient spot = clients.forTenant(tenant.name()).orElseThrow();
			String name = event.group().displayName().strip();
			if (name.isEmpty()) {
				throw new UnprocessableEventException("group " + event.group().id() + " has no displayName");
			}
			return turns.run(event.key(), () -> {
				Optional<GroupLink> link = links.findGroup(event.key());
				if (link.isPresent() && event.version() <= link.get().appliedVersion()) {
					return Mono.just(Outcome.SKIPPED_STALE);
				}
				Mono<GroupLink> applied = event instanceof GroupDeleted ? remove(event, name, link, spot)
						: ensure(event, name, link, spot, tenant);
				return applied.flatMap(linkWriter::write).thenReturn(Outcome.APPLIED);
			});
		});
	}

	private Mono<GroupLink> ensure(GroupEvent event, String name, Optional<GroupLink> link, SpotClient spot,
			TenantSettings tenant) {
		List<String> scimMembers = event.group().members().stream().map(GroupMember::value).distinct().toList();
		Optional<List<PolicyGrant>> mapped = tenant.groupPolicies().forGroup(name);
		boolean clearPolicies = mapped.isEmpty() && link.map(GroupLink::mappedPolicies).orElse(false);
		return linked(link, spot).switchIfEmpty(Mono.defer(() -> findOrCreate(event.group(), name, spot)))
			.flatMap(group -> rename(spot, group, name)
				.then(members.sync(spot, group, scimMembers))
				.then(policies(spot, group, mapped, clearPolicies))
				.thenReturn(new GroupLink(event.key(), group.id(), event.version(), name, scimMembers,
						mapped.isPresent(), clock.instant())));
	}

	private Mono<GroupLink> remove(GroupEvent event, String name, Optional<GroupLink> link, SpotClient spot) {
		Mono<Void> deleted;
		if (link.isPresent()) {
			deleted = link.get().spotGroup().map(spot::deleteGroup).orElse(Mono.empty());
		}
		else {
			// never applied here, or applied by an attempt whose link write was lost: the group has the pushed name
			deleted = byName(spot, name).flatMap(group -> spot.deleteGroup(group.id()));
		}
		return deleted.thenReturn(new GroupLink(event.key(), "", event.version(), name, List.of(), false,
				clock.instant()));
	}

	/** The linked Spot group; empty when there is no link or the group is gone from Spot. */
	private static Mono<SpotGroup> linked(Optional<GroupLink> link, SpotClient spot) {
		return link.flatMap(GroupLink::spotGroup)
			.map(id -> spot.getGroup(id).onErrorResume(SpotNotFoundException.class, gone -> Mono.empty()))
			.orElse(Mono.empty());
	}

	private Mono<SpotGroup> findOrCreate(GroupSnapshot group, String name, SpotClient spot) {
		return byName(spot, name).switchIfEmpty(Mono.defer(() -> spot
			.createGroup(name, "Pushed from Okta (SCIM group " + group.id() + ")")
			.map(id -> {
				log.info("Created Spot user group {} for {}/{}", id, spot.tenant(), group.id());
				return new SpotGroup(id, name, List.of(), List.of());
			})
			.onErrorResume(PermanentSpotException.class, refused -> refused.isDuplicateUser()
					? byName(spot, name).switchIfEmpty(Mono.error(refused)) : Mono.error(refused))));
	}

	private static Mono<SpotGroup> byName(SpotClient spot, String name) {
		return spot.listGroups()
			.flatMap(groups -> Mono.justOrEmpty(groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst()));
	}

	private static Mono<Void> rename(SpotClient spot, SpotGroup group, String name) {
		return group.name().equals(name) ? Mono.empty() : spot.renameGroup(group.id(), name);
	}

	private static Mono<Void> policies(SpotClient spot, SpotGroup group, Optional<List<PolicyGrant>> mapped,
			boolean clear) {
		if (mapped.isPresent()) {
			return SpotPolicies.same(group.policies(), mapped.get()) ? Mono.empty()
					: spot.mapGroupPolicies(group.id(), mapped.get());
		}
		return clear && !group.policies().isEmpty() ? spot.mapGroupPolicies(group.id(), List.of()) : Mono.empty();
	}

}
