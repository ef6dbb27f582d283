package io.spotbridge.worker.groups;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.spotbridge.model.EventKey;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.spot.OrgUser;
import io.spotbridge.worker.spot.PermanentSpotException;
import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotGroup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Makes a Spot user group's members exactly the Spot users of its SCIM members (level-triggered: the whole list is
 * set, so parallel Okta changes and redeliveries can neither lose nor duplicate a member). A SCIM member without a
 * Spot user (not provisioned yet, deactivated) is left out; it joins when its Spot user appears.
 */
@Component
class GroupMembers {

	private static final String USER_DOESNT_EXIST = "USER_DOESNT_EXIST";

	private final LinkStore links;

	GroupMembers(LinkStore links) {
		this.links = links;
	}

	/** The Spot user ids of the SCIM members that have one, sorted. */
	List<String> desired(String tenant, List<String> scimMembers) {
		return scimMembers.stream()
			.map(member -> links.spotUserOf(new EventKey(tenant, member)))
			.flatMap(Optional::stream)
			.distinct()
			.sorted()
			.toList();
	}

	/** @return whether Spot's member list had to change */
	Mono<Boolean> sync(SpotClient spot, SpotGroup group, List<String> scimMembers) {
		return Mono.defer(() -> {
			List<String> desired = desired(spot.tenant(), scimMembers);
			if (Set.copyOf(group.userIds()).equals(Set.copyOf(desired))) {
				return Mono.just(false);
			}
			return spot.mapGroupUsers(group.id(), desired)
				.onErrorResume(PermanentSpotException.class,
						refused -> refused.code().filter(USER_DOESNT_EXIST::equals).isPresent()
								? withoutDeletedUsers(spot, group, desired) : Mono.error(refused))
				.thenReturn(true);
		});
	}

	/** A member's Spot user was deleted since its link was read (deactivated concurrently): map the others. */
	private static Mono<Void> withoutDeletedUsers(SpotClient spot, SpotGroup group, List<String> desired) {
		return spot.listUsers().flatMap(users -> {
			Set<String> existing = new HashSet<>();
			users.stream().map(OrgUser::userId).forEach(existing::add);
			return spot.mapGroupUsers(group.id(), desired.stream().filter(existing::contains).toList());
		});
	}

}
