package io.spotbridge.ingress.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.FilterAttribute;
import io.spotbridge.ingress.scim.JsonFields;
import io.spotbridge.ingress.scim.ResourceFilter;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.model.UserSnapshot;
import tools.jackson.databind.JsonNode;

/** The User attributes filters may name, with RFC 7643 case sensitivity. */
final class UserFilters {

	static final Map<String, FilterAttribute<UserEntry>> ATTRIBUTES = Map.ofEntries(
			Map.entry("id", FilterAttribute.caseExact(e -> List.of(e.user().id()))),
			Map.entry("username", FilterAttribute.caseIgnoring(e -> List.of(e.user().userName()))),
			Map.entry("externalid", FilterAttribute.caseExact(e -> listOf(e.user().externalId()))),
			Map.entry("displayname", FilterAttribute.caseIgnoring(e -> listOf(e.user().displayName()))),
			Map.entry("active", FilterAttribute.caseExact(e -> List.of(e.user().active()))),
			Map.entry("name.givenname", FilterAttribute.caseIgnoring(e -> listOf(e.user().givenName()))),
			Map.entry("name.familyname", FilterAttribute.caseIgnoring(e -> listOf(e.user().familyName()))),
			Map.entry("emails", FilterAttribute.caseIgnoring(e -> emails(e.user()))),
			Map.entry("emails.value", FilterAttribute.caseIgnoring(e -> emails(e.user()))),
			Map.entry("meta.created", FilterAttribute.caseExact(e -> List.of(e.user().created()))),
			Map.entry("meta.lastmodified", FilterAttribute.caseExact(e -> List.of(e.user().lastModified()))));

	private UserFilters() {
	}

	/**
	 * The value of Okta's most frequent filter, {@code userName eq "<value>"} (attribute name and operator in any
	 * case, single spaces, no escapes in the value), recognized without the general filter parser; empty for every
	 * other filter, which then goes through {@link #parse}. Answers exactly as the general parser's
	 * {@code equalityOn("username")} would.
	 */
	static Optional<String> userNameEquals(String filter) {
		int length = filter.length();
		if (length < 14 || !filter.regionMatches(true, 0, "userName eq \"", 0, 13)
				|| filter.charAt(length - 1) != '"') {
			return Optional.empty();
		}
		for (int i = 13; i < length - 1; i++) {
			char c = filter.charAt(i);
			if (c == '"' || c == '\\' || c < 0x20) {
				return Optional.empty();
			}
		}
		return Optional.of(filter.substring(13, length - 1));
	}

	static Optional<ResourceFilter<UserEntry>> parse(Optional<String> filter) {
		return ResourceFilter.parse(filter, ATTRIBUTES);
	}

	private static List<?> listOf(Object value) {
		return value == null ? List.of() : List.of(value);
	}

	/** Every email value (not only the primary one), read from the resource as sent. */
	private static List<?> emails(UserSnapshot user) {
		List<String> values = new ArrayList<>();
		JsonFields.field(ScimJson.parseObject(user.attributes().json()), "emails")
			.filter(JsonNode::isArray)
			.ifPresent(array -> array.forEach(email -> JsonFields.field(email, "value")
				.filter(JsonNode::isString)
				.ifPresent(value -> values.add(value.asString()))));
		return values.isEmpty() ? Stream.ofNullable(user.email()).toList() : values;
	}

}
