package io.spotbridge.worker.deadletter;

import java.util.List;

/** The headers a dead letter carries besides the original record's own. */
public final class DeadLetterHeaders {

	public static final String ORIGINAL_TOPIC = "x-original-topic";

	public static final String ORIGINAL_PARTITION = "x-original-partition";

	public static final String ORIGINAL_OFFSET = "x-original-offset";

	public static final String EXCEPTION_CLASS = "x-exception-class";

	public static final String EXCEPTION_MESSAGE = "x-exception-message";

	public static final String ATTEMPTS = "x-attempts";

	public static final String FIRST_FAILURE = "x-first-failure";

	public static final List<String> ALL = List.of(ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET, EXCEPTION_CLASS,
			EXCEPTION_MESSAGE, ATTEMPTS, FIRST_FAILURE);

	private DeadLetterHeaders() {
	}

}
