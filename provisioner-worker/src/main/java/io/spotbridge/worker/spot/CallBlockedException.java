package io.spotbridge.worker.spot;

/**
 * The call was not made: a circuit breaker of the tenant is open (Spot is failing, or rejected the token). The event
 * waits, its partition paused, until the breaker lets calls through again.
 */
public class CallBlockedException extends SpotException {

	/** Which gate refused the call. */
	public enum Gate {

		/** Spot has been failing (5xx, timeouts, connection errors). */
		OUTAGE,

		/** Spot rejected the tenant's token. */
		CREDENTIALS

	}

	private final Gate gate;

	public CallBlockedException(String tenant, String route, Gate gate) {
		super(route, 0, (gate == Gate.OUTAGE ? "Spot circuit breaker is open for tenant " + tenant
				: "Spot calls for tenant " + tenant + " wait for the token to work again"), null);
		this.gate = gate;
	}

	public Gate gate() {
		return gate;
	}

}
