package io.spotbridge.worker.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API's bearer token ({@code bridge.admin.token}, env {@code BRIDGE_ADMIN_TOKEN}). Without a configured
 * token the API is disabled (403); a missing header is 401, a wrong token 403. Compared in constant time; the token is
 * never logged nor echoed.
 */
@Component
public class AdminAuth {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	AdminAuth(@Value("${bridge.admin.token:}") String token) {
		this.token = token == null || token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
	}

	public boolean enabled() {
		return token != null;
	}

	/** @throws ResponseStatusException 403 when disabled or wrong, 401 when no bearer token is given */
	public void check(String authorization) {
		if (token == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "admin API disabled");
		}
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "bearer token required");
		}
		byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(token, given)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "invalid admin token");
		}
	}

}
