package io.spotbridge.ingress.scim;

import java.time.Duration;
import java.util.Optional;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A request the SCIM endpoint answers with an Error message (RFC 7644 §3.12) instead of a resource. Carries the HTTP
 * status, the RFC's {@code scimType} where one applies, and a detail safe to show to the client (never a secret).
 */
public class ScimProblem extends RuntimeException {

	private final int status;

	private final String scimType;

	private final Duration retryAfter;

	public ScimProblem(int status, String scimType, String detail) {
		this(status, scimType, detail, null);
	}

	private ScimProblem(int status, String scimType, String detail, Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.scimType = scimType;
		this.retryAfter = retryAfter;
	}

	public static ScimProblem from(ScimException ex) {
		var error = ex.getScimError();
		return new ScimProblem(error.getStatus(), error.getScimType(),
				error.getDetail() != null ? error.getDetail() : ex.getMessage());
	}

	public static ScimProblem badRequest(String scimType, String detail) {
		return new ScimProblem(400, scimType, detail);
	}

	public static ScimProblem invalidValue(String detail) {
		return badRequest("invalidValue", detail);
	}

	public static ScimProblem invalidSyntax(String detail) {
		return badRequest("invalidSyntax", detail);
	}

	public static ScimProblem notFound(String resourceType, String id) {
		return new ScimProblem(404, null, resourceType + " " + id + " not found");
	}

	public static ScimProblem uniqueness(String detail) {
		return new ScimProblem(409, "uniqueness", detail);
	}

	public static ScimProblem preconditionFailed(String detail) {
		return new ScimProblem(412, null, detail);
	}

	public static ScimProblem unavailable(String detail, Duration retryAfter) {
		return new ScimProblem(503, null, detail, retryAfter);
	}

	public static ScimProblem tooManyRequests(Duration retryAfter) {
		return new ScimProblem(429, null, "Too many requests for this tenant; retry after "
				+ retryAfterSeconds(retryAfter) + " s", retryAfter);
	}

	public int status() {
		return status;
	}

	public Optional<String> scimType() {
		return Optional.ofNullable(scimType);
	}

	/** Seconds for the {@code Retry-After} header: a whole number, at least 1. */
	public Optional<Long> retryAfterSeconds() {
		return Optional.ofNullable(retryAfter).map(ScimProblem::retryAfterSeconds);
	}

	private static long retryAfterSeconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
