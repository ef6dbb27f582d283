package io.spotbridge.ingress.groups;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.spotbridge.ingress.directory.GroupEntry;
import io.spotbridge.ingress.scim.FilterAttribute;
import io.spotbridge.ingress.scim.ResourceFilter;
import io.spotbridge.model.GroupMember;

/** The Group attributes filters may name. */
final class GroupFilters {

	static final Map<String, FilterAttribute<GroupEntry>> ATTRIBUTES = Map.of(
			"id", FilterAttribute.caseExact(e -> List.of(e.group().id())),
			"displayname", FilterAttribute.caseIgnoring(e -> List.of(e.group().displayName())),
			"externalid", FilterAttribute.caseExact(e -> e.group().externalId() == null ? List.of()
					: List.of(e.group().externalId())),
			"members", FilterAttribute.caseExact(e -> e.group().members().stream().map(GroupMember::value).toList()),
			"members.value", FilterAttribute.caseExact(e -> e.group().members().stream().map(GroupMember::value).toList()),
			"meta.created", FilterAttribute.caseExact(e -> List.of(e.group().created())),
			"meta.lastmodified", FilterAttribute.caseExact(e -> List.of(e.group().lastModified())));

	private GroupFilters() {
	}

	static Optional<ResourceFilter<GroupEntry>> parse(Optional<String> filter) {
		return ResourceFilter.parse(filter, ATTRIBUTES);
	}

}
