package io.spotbridge.worker.reconcile;

import java.time.Clock;
import java.util.Optional;

import io.spotbridge.model.UserEvent;
import io.spotbridge.worker.links.LinkStore;
import io.spotbridge.worker.links.LinkWriter;
import io.spotbridge.worker.links.UserLink;
import io.spotbridge.worker.spot.NewSpotUser;
import io.spotbridge.worker.spot.Passwords;
import io.spotbridge.worker.spot.PermanentSpotException;
import io.spotbridge.worker.spot.SpotClient;
import io.spotbridge.worker.spot.SpotClients;
import io.spotbridge.worker.spot.SpotNotFoundException;
import io.spotbridge.worker.spot.SpotUser;
import io.spotbridge.worker.tenants.TenantSettings;
import io.spotbridge.worker.tenants.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Makes Spot match one user event (level-triggered: it reads Spot's state and changes only what differs), then records
 * the link. Safe to run again for the same event at any point, in particular after a crash between a Spot change and
 * the link write: the user is then found by its email instead of being created twice.
 *
 * <p>
 * Spot cannot change a user's email: an email change deletes the old Spot user once the new one exists.
 */
@Component
class UserReconciler {

	private static final Logger log = LoggerFactory.getLogger(UserReconciler.class);

	private final Tenants tenants;

	private final SpotClients clients;

	private final LinkStore links;

	private final LinkWriter linkWriter;

	private final Clock clock;

	UserReconciler(Tenants tenants, SpotClients clients, LinkStore links, LinkWriter linkWriter, Clock clock) {
		this.tenants = tenants;
		this.clients = clients;
		this.links = links;
		this.linkWriter = linkWriter;
		this.clock = clock;
	}

	/**
	 * @param fresh whether lookups by email must not use the batch's shared list (a retry)
	 * @return {@link Outcome#APPLIED} or {@link Outcome#SKIPPED_STALE}
	 */
	Mono<Outcome> reconcile(UserEvent event, OrgUserIndex index, boolean fresh) {
		return Mono.defer(() -> {
			TenantSettings tenant = tenants.find(event.tenant())
				.orElseThrow(() -> new UnprocessableEventException("tenant " + event.tenant() + " is not configured"));
			SpotClient spot = clients.forTenant(tenant.name()).orElseThrow();
			ReconcilePlan plan = ReconcilePlanner.plan(event, links.find(event.key()), tenant);
			if (plan instanceof ReconcilePlan.Skip) {
				return Mono.just(Outcome.SKIPPED_STALE);
			}
			Context context = new Context(spot, index, fresh, event);
			return execute(plan, context).flatMap(linkWriter::write).thenReturn(Outcome.APPLIED);
		});
	}

	private Mono<UserLink> execute(ReconcilePlan plan, Context context) {
		UserEvent event = context.event();
		if (plan instanceof ReconcilePlan.Ensure ensure) {
			return ensure(ensure, context).map(userId -> link(event, userId, ensure.desired().email()));
		}
		if (plan instanceof ReconcilePlan.Remove remove) {
			return remove(remove, context).thenReturn(link(event, "", remove.email().orElse("")));
		}
		return Mono.just(link(event, "", ReconcilePlanner.email(event.user()).orElse("")));
	}

	private Mono<String> ensure(ReconcilePlan.Ensure plan, Context context) {
		DesiredUser desired = plan.desired();
		Mono<Optional<SpotUser>> linked = plan.linkedUserId().map(id -> context.spot().getUser(id)
			.map(Optional::of)
			.onErrorResume(SpotNotFoundException.class, gone -> Mono.just(Optional.empty())))
			.orElse(Mono.just(Optional.empty()));
		return linked.flatMap(current -> {
			if (current.isPresent() && desired.hasEmail(current.get().email())) {
				return fixPolicies(current.get(), desired, context).thenReturn(current.get().userId());
			}
			Optional<String> replaced = current.map(SpotUser::userId);
			return findOrCreate(desired, context).flatMap(userId -> replaced.filter(old -> !old.equals(userId))
				.map(old -> {
					log.info("{} changed email: deleting Spot user {} after creating {}", context.event().key(), old,
							userId);
					return context.spot().deleteUser(old).thenReturn(userId);
				})
				.orElse(Mono.just(userId)));
		});
	}

	/**
	 * Creates the user straight away; Spot refuses a second user with the same email, and that refusal leads to the
	 * existing user ({@link #create}). This keeps a crash between the create and the link write safe without listing the
	 * whole organization for every new user.
	 */
	private Mono<String> findOrCreate(DesiredUser desired, Context context) {
		return create(desired, context);
	}

	/** A Spot user with the email exists already (created by an attempt whose link write was lost, or by hand). */
	private Mono<String> adopt(String userId, DesiredUser desired, Context context) {
		return context.spot().getUser(userId)
			.flatMap(user -> fixPolicies(user, desired, context).thenReturn(userId))
			.onErrorResume(SpotNotFoundException.class, gone -> create(desired, context));
	}

	private Mono<String> create(DesiredUser desired, Context context) {
		NewSpotUser user = new NewSpotUser(desired.email(), desired.firstName(), desired.lastName(),
				Passwords.generate(), desired.access().spotRole());
		return context.spot().createUser(user)
			.flatMap(userId -> desired.policies().isEmpty() ? Mono.just(userId)
					: context.spot().mapPolicies(userId, desired.policies()).thenReturn(userId))
			.onErrorResume(PermanentSpotException.class, refused -> refused.isDuplicateUser()
					? existing(desired, context, refused) : Mono.error(refused));
	}

	/**
	 * The user Spot refused to create twice: looked up in the batch's list (one listing shared by the batch, so a batch
	 * of users that all exist already costs one listing), else in a fresh one (the user may be newer than the list).
	 */
	private Mono<String> existing(DesiredUser desired, Context context, PermanentSpotException refused) {
		return context.index().byEmail(context.spot(), desired.email(), context.fresh())
			.flatMap(cached -> cached.isPresent() ? Mono.just(cached)
					: context.fresh() ? Mono.just(cached) : context.index().byEmail(context.spot(), desired.email(), true))
			.flatMap(found -> found.isPresent() ? adopt(found.get().userId(), desired, context) : Mono.error(refused));
	}

	private Mono<Void> fixPolicies(SpotUser user, DesiredUser desired, Context context) {
		if (SpotPolicies.same(user.policies(), desired.policies())) {
			return Mono.empty();
		}
		return context.spot().mapPolicies(user.userId(), desired.policies());
	}

	private Mono<Void> remove(ReconcilePlan.Remove plan, Context context) {
		if (plan.linkedUserId().isPresent()) {
			return context.spot().deleteUser(plan.linkedUserId().get());
		}
		if (plan.email().isEmpty()) {
			return Mono.empty();
		}
		return context.index().byEmail(context.spot(), plan.email().get(), context.fresh())
			.flatMap(found -> found.map(user -> context.spot().deleteUser(user.userId())).orElse(Mono.empty()));
	}

	private UserLink link(UserEvent event, String spotUserId, String email) {
		return new UserLink(event.key(), spotUserId, event.version(), email, clock.instant());
	}

	private record Context(SpotClient spot, OrgUserIndex index, boolean fresh, UserEvent event) {
	}

}
