package io.spotbridge.model;

/** A lifecycle event of a group, carrying the group's whole state (name and full member list) after the change. */
public sealed interface GroupEvent extends LifecycleEvent permits GroupCreated, GroupUpdated, GroupDeleted {

	GroupSnapshot group();

	@Override
	default String resourceId() {
		return group().id();
	}

}
