package io.spotbridge.worker.reconcile;

import java.util.Optional;
import java.util.regex.Pattern;

import io.spotbridge.model.UserSnapshot;

/**
 * First and last names as Spot accepts them: without {@code +}, {@code =} and {@code @} (Spot rejects them), trimmed,
 * inner whitespace collapsed. A name that ends up empty falls back: the first name to the display name's first word,
 * else the email's local part; the last name to the display name's remaining words, else {@value #FALLBACK_LAST}.
 */
public final class NameSanitizer {

	static final String FALLBACK_LAST = "User";

	static final String FALLBACK_FIRST = "Okta";

	private static final Pattern FORBIDDEN = Pattern.compile("[+=@]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private NameSanitizer() {
	}

	public record Names(String firstName, String lastName) {
	}

	public static Names names(UserSnapshot user, String email) {
		String[] display = sanitize(user.displayName()).map(d -> d.split(" ", 2)).orElse(new String[0]);
		String first = sanitize(user.givenName())
			.or(() -> display.length > 0 ? Optional.of(display[0]) : Optional.empty())
			.or(() -> sanitize(localPart(email)))
			.orElse(FALLBACK_FIRST);
		String last = sanitize(user.familyName())
			.or(() -> display.length > 1 ? Optional.of(display[1]) : Optional.empty())
			.orElse(FALLBACK_LAST);
		return new Names(first, last);
	}

	/** The name without the characters Spot rejects; empty when nothing is left. */
	public static Optional<String> sanitize(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String cleaned = SPACES.matcher(FORBIDDEN.matcher(name).replaceAll(" ")).replaceAll(" ").strip();
		return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return at > 0 ? email.substring(0, at) : email;
	}

}
