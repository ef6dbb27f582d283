package io.spotbridge.ingress.scim;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New SCIM ids: UUID version 7 (RFC 9562), time-ordered so that ordering by id is creation order — which gives
 * Okta's paged import a stable, natural order without sorting.
 */
public final class ResourceIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ResourceIds() {
	}

	public static String next() {
		long millis = System.currentTimeMillis();
		long randA = RANDOM.nextInt(1 << 12);
		long msb = (millis << 16) | 0x7000L | randA;
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb).toString();
	}

}
