package io.spotbridge.worker.spot;

/** Spot answered 404 for a user id: the user is gone (a delete of it has succeeded; an update must re-create it). */
public class SpotNotFoundException extends SpotException {

	public SpotNotFoundException(String route) {
		super(route, 404, "Spot has no such user (" + route + ")", null);
	}

}
