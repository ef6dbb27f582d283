package io.spotbridge.worker.links;

/** A link could not be written to Kafka. Transient: the event is retried, and finds its Spot user by email. */
public class LinkWriteException extends RuntimeException {

	public LinkWriteException(UserLink link, Throwable cause) {
		this(link.key(), cause);
	}

	public LinkWriteException(io.spotbridge.model.EventKey key, Throwable cause) {
		super("could not write the link of " + key + ": " + rootMessage(cause), cause);
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")";
	}

}
