package io.spotbridge.worker.spot;

import java.security.SecureRandom;

/**
 * Random strong passwords for created Spot users: 24 characters with upper and lower case letters, digits and
 * symbols. Users sign in through SSO; the password only satisfies Spot's create call and is never stored or logged.
 */
public final class Passwords {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "!#$%*-_?";

	private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	public static String generate() {
		char[] password = new char[24];
		password[0] = pick(UPPER);
		password[1] = pick(LOWER);
		password[2] = pick(DIGITS);
		password[3] = pick(SYMBOLS);
		for (int i = 4; i < password.length; i++) {
			password[i] = pick(ALL);
		}
		for (int i = password.length - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private static char pick(String alphabet) {
		return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
	}

}
