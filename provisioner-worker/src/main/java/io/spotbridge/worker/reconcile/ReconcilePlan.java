package io.spotbridge.worker.reconcile;

import java.util.Optional;

/** What one event requires in Spot, decided from the event, the user's link and the tenant's role mapping. */
public sealed interface ReconcilePlan {

	/** The event is not newer than the version already applied: nothing to do (max version wins). */
	record Skip(long appliedVersion) implements ReconcilePlan {
	}

	/**
	 * The user must exist in Spot with these attributes and policies: find it by the link, else by email; create it
	 * when missing, fix its policy mapping when it differs, replace it when its email changed.
	 */
	record Ensure(DesiredUser desired, Optional<String> linkedUserId) implements ReconcilePlan {
	}

	/** The user must not exist in Spot: delete the linked user, else the one with the email (if any). */
	record Remove(Optional<String> linkedUserId, Optional<String> email) implements ReconcilePlan {
	}

	/** The user must not exist and the link says it is already gone: only the new version is recorded. */
	record RecordOnly() implements ReconcilePlan {
	}

}
