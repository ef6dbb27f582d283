package io.spotbridge.ingress.directory;

import io.spotbridge.model.GroupSnapshot;

/** A group as the directory holds it: its state and the version of the event that produced it. */
public record GroupEntry(GroupSnapshot group, long version) {

	public String id() {
		return group.id();
	}

}
