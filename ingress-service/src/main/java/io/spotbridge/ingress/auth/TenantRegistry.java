package io.spotbridge.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.spotbridge.ingress.system.IngressProperties;

import org.springframework.stereotype.Component;

/**
 * Knows which bearer tokens each tenant accepts, by their SHA-256 hashes only: the tokens themselves are never kept.
 * Lookup hashes the presented token and compares it with every configured hash in constant time, so neither the
 * answer time nor the position of a match tells anything about the tokens.
 */
@Component
public class TenantRegistry {

	private record AcceptedToken(Tenant tenant, byte[] sha256) {
	}

	private final List<AcceptedToken> accepted;

	TenantRegistry(IngressProperties properties) {
		List<AcceptedToken> tokens = new ArrayList<>();
		properties.tenants().forEach((name, tenant) -> tenant.tokenSha256()
			.forEach(hex -> tokens.add(new AcceptedToken(new Tenant(name), parseHash(name, hex)))));
		if (!properties.spotToken().isBlank()) {
			tokens.add(new AcceptedToken(new Tenant(Tenant.DEFAULT), sha256(properties.spotToken().trim())));
		}
		this.accepted = List.copyOf(tokens);
	}

	public Optional<Tenant> authenticate(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		byte[] presented = sha256(token);
		Tenant match = null;
		for (AcceptedToken candidate : accepted) {
			if (MessageDigest.isEqual(candidate.sha256(), presented) && match == null) {
				match = candidate.tenant();
			}
		}
		return Optional.ofNullable(match);
	}

	public boolean hasTenants() {
		return !accepted.isEmpty();
	}

	/** One digest per thread: looking the algorithm up among the providers on every request costs more than hashing. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	});

	public static byte[] sha256(String token) {
		MessageDigest digest = SHA_256.get();
		digest.reset();
		return digest.digest(token.getBytes(StandardCharsets.UTF_8));
	}

	public static String sha256Hex(String token) {
		return HexFormat.of().formatHex(sha256(token));
	}

	private static byte[] parseHash(String tenant, String hex) {
		try {
			byte[] hash = HexFormat.of().parseHex(hex.trim());
			if (hash.length == 32) {
				return hash;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below without echoing the configured value
		}
		throw new IllegalArgumentException("tenant '" + tenant + "': token-sha256 entries must be 64 hex characters");
	}

}
