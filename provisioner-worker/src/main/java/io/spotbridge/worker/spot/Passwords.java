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
		Randomness random = new Randomness();
		char[] password = new char[24];
		password[0] = random.pick(UPPER);
		password[1] = random.pick(LOWER);
		password[2] = random.pick(DIGITS);
		password[3] = random.pick(SYMBOLS);
		for (int i = 4; i < password.length; i++) {
			password[i] = random.pick(ALL);
		}
		for (int i = password.length - 1; i > 0; i--) {
			int j = random.below(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	/**
	 * Uniform choices from bytes of the {@link SecureRandom} fetched a batch at a time (one call per password instead of
	 * one per character; each call locks and mixes the generator): a byte is used only below the largest multiple of
	 * the bound, so every choice stays unbiased.
	 */
	private static final class Randomness {

		private final byte[] bytes = new byte[96];

		private int next = bytes.length;

		char pick(String alphabet) {
			return alphabet.charAt(below(alphabet.length()));
		}

		/** A uniform int in [0, bound), for 0 < bound <= 256. */
		int below(int bound) {
			int limit = 256 - 256 % bound;
			while (true) {
				if (next == bytes.length) {
					RANDOM.nextBytes(bytes);
					next = 0;
				}
				int value = bytes[next++] & 0xFF;
				if (value < limit) {
					return value % bound;
				}
			}
		}

	}

}
