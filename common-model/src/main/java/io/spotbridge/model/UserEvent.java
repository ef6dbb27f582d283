package io.spotbridge.model;

/** A lifecycle event of a user, carrying the user's whole state after the change. */
public sealed interface UserEvent extends LifecycleEvent
		permits UserCreated, UserUpdated, UserDeactivated, UserReactivated, UserDeleted {

	UserSnapshot user();

	@Override
	default String resourceId() {
		return user().id();
	}

	/** Whether the user should exist in Spot after this event: active and not deleted. */
	default boolean wantsSpotUser() {
		return !(this instanceof UserDeleted) && user().active();
	}

}
