package io.spotbridge.ingress.scim;

import java.util.List;
import java.util.function.Function;

/**
 * An attribute a SCIM filter may name, read from a resource of type {@code T}.
 *
 * @param caseExact RFC 7643 caseExact: whether string comparison respects case
 * @param values    the attribute's values on a resource (empty when absent); strings, booleans or instants
 */
public record FilterAttribute<T>(boolean caseExact, Function<T, List<?>> values) {

	public static <T> FilterAttribute<T> caseIgnoring(Function<T, List<?>> values) {
		return new FilterAttribute<>(false, values);
	}

	public static <T> FilterAttribute<T> caseExact(Function<T, List<?>> values) {
		return new FilterAttribute<>(true, values);
	}

}
