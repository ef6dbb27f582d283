package io.spotbridge.ingress.scim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import tools.jackson.databind.node.ValueNode;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) parsed by the SCIM SDK and compiled into a predicate over the directory's typed
 * resources. Only the attributes a resource type declares may be filtered on; any other is a 400
 * {@code invalidFilter}, as is a filter that does not parse.
 */
public final class ResourceFilter<T> {

	private final Filter filter;

	private final Predicate<T> predicate;

	private ResourceFilter(Filter filter, Predicate<T> predicate) {
		this.filter = filter;
		this.predicate = predicate;
	}

	public static <T> Optional<ResourceFilter<T>> parse(Optional<String> expression,
			Map<String, FilterAttribute<T>> attributes) {
		if (expression.isEmpty() || expression.get().isBlank()) {
			return Optional.empty();
		}
		try {
			Filter filter = Filter.fromString(expression.get());
			return Optional.of(new ResourceFilter<>(filter, filter.visit(new Compiler<>(attributes, ""), null)));
		}
		catch (ScimException ex) {
			throw new ScimProblem(400, "invalidFilter", "Invalid filter \"" + expression.get() + "\": "
					+ Optional.ofNullable(ex.getScimError().getDetail()).orElse(ex.getMessage()));
		}
	}

	public boolean matches(T resource) {
		return predicate.test(resource);
	}

	/** The value of a top-level {@code attribute eq "value"} filter, for index lookups. */
	public Optional<String> equalityOn(String attribute) {
		if (filter instanceof EqualFilter eq && attributeName(eq.getAttributePath(), "").equals(attribute)
				&& eq.getComparisonValue() != null && eq.getComparisonValue().isString()) {
			return Optional.of(eq.getComparisonValue().asString());
		}
		return Optional.empty();
	}

	static String attributeName(Path path, String prefix) {
		StringBuilder name = new StringBuilder(prefix);
		for (Path.Element element : path) {
			if (!name.isEmpty()) {
				name.append('.');
			}
			name.append(element.getAttribute().toLowerCase(Locale.ROOT));
		}
		return name.toString();
	}

	private record Compiler<T>(Map<String, FilterAttribute<T>> attributes, String prefix)
			implements FilterVisitor<Predicate<T>, Void> {

		private FilterAttribute<T> attribute(Path path) throws BadRequestException {
			String name = attributeName(path, prefix);
			FilterAttribute<T> attribute = attributes.get(name);
			if (attribute == null) {
				throw BadRequestException.invalidFilter("attribute \"" + path + "\" cannot be filtered on; supported: "
						+ String.join(", ", new java.util.TreeSet<>(attributes.keySet())));
			}
			return attribute;
		}

		private Predicate<T> compare(ComparisonFilter filter, BiPredicate<Integer, Boolean> test,
				BiPredicate<String, String> stringTest) throws BadRequestException {
			FilterAttribute<T> attribute = attribute(filter.getAttributePath());
			ValueNode expected = filter.getComparisonValue();
			return resource -> attribute.values().apply(resource).stream().anyMatch(actual -> {
				if (stringTest != null) {
					if (!(actual instanceof String s) || expected == null || !expected.isString()) {
						return false;
					}
					return attribute.caseExact() ? stringTest.test(s, expected.asString())
							: stringTest.test(s.toLowerCase(Locale.ROOT), expected.asString().toLowerCase(Locale.ROOT));
				}
				Integer order = order(actual, expected, attribute.caseExact());
				return test.test(order, order != null);
			});
		}

		private static Integer order(Object actual, ValueNode expected, boolean caseExact) {
			if (expected == null || expected.isNull()) {
				return actual == null ? 0 : null;
			}
			if (actual instanceof Boolean b) {
				if (expected.isBoolean()) {
					return b == expected.asBoolean() ? 0 : 1;
				}
				return expected.isString() && b.toString().equalsIgnoreCase(expected.asString()) ? 0 : 1;
			}
			if (actual instanceof Instant instant && expected.isString()) {
				try {
					return instant.compareTo(Instant.parse(expected.asString()));
				}
				catch (DateTimeParseException ex) {
					return null;
				}
			}
			if (actual instanceof String s && expected.isString()) {
				return caseExact ? s.compareTo(expected.asString()) : s.compareToIgnoreCase(expected.asString());
			}
			return null;
		}

		@Override
		public Predicate<T> visit(EqualFilter filter, Void v) throws ScimException {
			return compare(filter, (order, comparable) -> comparable && order == 0, null);
		}

		@Override
		public Predicate<T> visit(NotEqualFilter filter, Void v) throws ScimException {
			Predicate<T> equal = compare(filter, (order, comparable) -> comparable && order == 0, null);
			return equal.negate();
		}

		@Override
		public Predicate<T> visit(ContainsFilter filter, Void v) throws ScimException {
			return compare(filter, null, String::contains);
		}

		@Override
		public Predicate<T> visit(StartsWithFilter filter, Void v) throws ScimException {
			return compare(filter, null, String::startsWith);
		}

		@Override
		public Predicate<T> visit(EndsWithFilter filter, Void v) throws ScimException {
			return compare(filter, null, String::endsWith);
		}

		@Override
		public Predicate<T> visit(PresentFilter filter, Void v) throws ScimException {
			FilterAttribute<T> attribute = attribute(filter.getAttributePath());
			return resource -> attribute.values().apply(resource).stream()
				.anyMatch(value -> value != null && !(value instanceof String s && s.isEmpty()));
		}

		@Override
		public Predicate<T> visit(GreaterThanFilter filter, Void v) throws ScimException {
			return compare(filter, (order, comparable) -> comparable && order > 0, null);
		}

		@Override
		public Predicate<T> visit(GreaterThanOrEqualFilter filter, Void v) throws ScimException {
			return compare(filter, (order, comparable) -> comparable && order >= 0, null);
		}

		@Override
		public Predicate<T> visit(LessThanFilter filter, Void v) throws ScimException {
			return compare(filter, (order, comparable) -> comparable && order < 0, null);
		}

		@Override
		public Predicate<T> visit(LessThanOrEqualFilter filter, Void v) throws ScimException {
			return compare(filter, (order, comparable) -> comparable && order <= 0, null);
		}

		@Override
		public Predicate<T> visit(AndFilter filter, Void v) throws ScimException {
			Predicate<T> all = resource -> true;
			for (Filter part : filter.getCombinedFilters()) {
				all = all.and(part.visit(this, v));
			}
			return all;
		}

		@Override
		public Predicate<T> visit(OrFilter filter, Void v) throws ScimException {
			Predicate<T> any = resource -> false;
			for (Filter part : filter.getCombinedFilters()) {
				any = any.or(part.visit(this, v));
			}
			return any;
		}

		@Override
		public Predicate<T> visit(NotFilter filter, Void v) throws ScimException {
			return filter.getInvertedFilter().visit(this, v).negate();
		}

		/**
		 * {@code emails[value eq "x"]}: the inner filter applies to the sub-attributes of the same multi-valued
		 * attribute. Resources here keep multi-valued attributes flattened, so this is evaluated as the inner filter
		 * with the outer attribute as prefix.
		 */
		@Override
		public Predicate<T> visit(ComplexValueFilter filter, Void v) throws ScimException {
			String outer = attributeName(filter.getAttributePath(), prefix);
			return filter.getValueFilter().visit(new Compiler<>(attributes, outer), v);
		}

	}

}
