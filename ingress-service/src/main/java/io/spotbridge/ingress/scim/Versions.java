package io.spotbridge.ingress.scim;

import java.util.Optional;

/** ETags are the resource version, weak: {@code W/"3"}. */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "W/\"" + version + "\"";
	}

	/**
	 * Lost-update protection (RFC 7644 §3.14): a present {@code If-Match} that names neither {@code *} nor the
	 * current version fails the request with 412.
	 */
	public static void checkIfMatch(Optional<String> ifMatch, long currentVersion) {
		if (ifMatch.isEmpty() || ifMatch.get().isBlank()) {
			return;
		}
		String current = etag(currentVersion);
		for (String candidate : ifMatch.get().split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || tag.equals(current) || tag.equals("\"" + currentVersion + "\"")) {
				return;
			}
		}
		throw ScimProblem.preconditionFailed("If-Match " + ifMatch.get().trim() + " does not match the current version "
				+ current);
	}

}
