package io.spotbridge.ingress.okta;

import java.util.Set;

/**
 * A {@code {{name}}} placeholder names a variable that nothing defines: not the initial variables, not the
 * generated Okta ones, not an earlier step's extraction or script.
 */
public class UndefinedVariableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final Set<String> names;

	public UndefinedVariableException(String message, Set<String> names) {
		super(message);
		this.names = Set.copyOf(names);
	}

	/** The undefined variable names. */
	public Set<String> names() {
		return this.names;
	}

}
