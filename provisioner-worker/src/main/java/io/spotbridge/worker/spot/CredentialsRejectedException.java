package io.spotbridge.worker.spot;

/** Spot answered 401 or 403: the tenant's token is wrong, revoked or lacks rights. The tenant pauses; nothing is dead-lettered. */
public class CredentialsRejectedException extends SpotException {

	private final String tenant;

	public CredentialsRejectedException(String tenant, String route, int status) {
		super(route, status, "Spot rejected the token for tenant " + tenant + " (" + status + ")", null);
		this.tenant = tenant;
	}

	public String tenant() {
		return tenant;
	}

}
