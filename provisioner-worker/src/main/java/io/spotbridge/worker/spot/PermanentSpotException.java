package io.spotbridge.worker.spot;

import java.util.Optional;

/** Spot refused the request as such (4xx other than 401/403/404/408/409/429): retrying will not help. */
public class PermanentSpotException extends SpotException {

	private final String code;

	public PermanentSpotException(String route, int status, String code, String spotMessage) {
		super(route, status, "Spot answered " + status + " to " + route + ": " + (code.isEmpty() ? "" : code + " ")
				+ spotMessage, null);
		this.code = code;
	}

	/** Spot's error code ({@code VALIDATION_ERROR}, ...), if it sent one. */
	public Optional<String> code() {
		return Optional.of(code).filter(c -> !c.isEmpty());
	}

	/** Whether Spot refused a create because the email is taken in the organization. */
	public boolean isDuplicateUser() {
		return code.toUpperCase(java.util.Locale.ROOT).contains("ALREADY_EXIST");
	}

}
