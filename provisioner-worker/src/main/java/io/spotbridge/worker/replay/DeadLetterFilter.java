package io.spotbridge.worker.replay;

import java.time.Instant;

/**
 * Which dead letters an operation is about; every criterion is optional ({@code null}).
 *
 * @param tenant     exact tenant
 * @param user       exact SCIM user id
 * @param errorClass the exception class, fully qualified or simple name
 * @param since      first failure at or after
 * @param until      first failure before
 */
public record DeadLetterFilter(String tenant, String user, String errorClass, Instant since, Instant until) {

	public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

	public boolean matches(DeadLetter letter) {
		if (present(tenant) && !tenant.equals(letter.tenant())) {
			return false;
		}
		if (present(user) && !user.equals(letter.userId())) {
			return false;
		}
		if (present(errorClass) && !errorClass.equals(letter.errorClass())
				&& !letter.errorClass().endsWith("." + errorClass)) {
			return false;
		}
		if (since != null && (letter.firstFailure() == null || letter.firstFailure().isBefore(since))) {
			return false;
		}
		return until == null || (letter.firstFailure() != null && letter.firstFailure().isBefore(until));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
