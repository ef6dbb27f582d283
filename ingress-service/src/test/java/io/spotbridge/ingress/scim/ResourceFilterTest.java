package io.spotbridge.ingress.scim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceFilterTest {

	record Person(String id, String userName, String externalId, boolean active, List<String> emails, String title,
			Instant lastModified) {
	}

	static final Map<String, FilterAttribute<Person>> ATTRIBUTES = Map.of(
			"id", FilterAttribute.caseExact(p -> List.of(p.id())),
			"username", FilterAttribute.caseIgnoring(p -> List.of(p.userName())),
			"externalid", FilterAttribute.caseExact(p -> p.externalId() == null ? List.of() : List.of(p.externalId())),
			"active", FilterAttribute.caseExact(p -> List.of(p.active())),
			"title", FilterAttribute.caseIgnoring(p -> p.title() == null ? List.of() : List.of(p.title())),
			"emails", FilterAttribute.caseIgnoring(Person::emails),
			"emails.value", FilterAttribute.caseIgnoring(Person::emails),
			"meta.lastmodified", FilterAttribute.caseExact(p -> List.of(p.lastModified())));

	static final Person ADA = new Person("id-ada", "Ada.Lovelace@Example.com", "00uAda", true,
			List.of("ada@example.com", "ada@home.example"), "Countess", Instant.parse("2026-03-01T10:00:00Z"));

	static final Person GRACE = new Person("id-grace", "grace@example.com", null, false, List.of(), "",
			Instant.parse("2026-01-15T08:30:00Z"));

	static Optional<ResourceFilter<Person>> parse(String expression) {
		return ResourceFilter.parse(Optional.ofNullable(expression), ATTRIBUTES);
	}

	static boolean matches(String expression, Person person) {
		return parse(expression).orElseThrow().matches(person);
	}

	@Test
	void eqOnUserNameIgnoresCase() {
		assertThat(matches("userName eq \"ada.lovelace@example.com\"", ADA)).isTrue();
		assertThat(matches("userName eq \"ADA.LOVELACE@EXAMPLE.COM\"", ADA)).isTrue();
		assertThat(matches("userName eq \"ada\"", ADA)).isFalse();
	}

	@Test
	void attributeNamesAreCaseInsensitive() {
		assertThat(matches("USERNAME eq \"ada.lovelace@example.com\"", ADA)).isTrue();
		assertThat(matches("ExternalID eq \"00uAda\"", ADA)).isTrue();
	}

	@Test
	void eqOnExternalIdAndIdRespectsCase() {
		assertThat(matches("externalId eq \"00uAda\"", ADA)).isTrue();
		assertThat(matches("externalId eq \"00UADA\"", ADA)).isFalse();
		assertThat(matches("id eq \"id-ada\"", ADA)).isTrue();
		assertThat(matches("id eq \"ID-ADA\"", ADA)).isFalse();
	}

	@Test
	void neIsTheNegationOfEq() {
		assertThat(matches("userName ne \"ADA.LOVELACE@example.com\"", ADA)).isFalse();
		assertThat(matches("userName ne \"grace@example.com\"", ADA)).isTrue();
		assertThat(matches("externalId ne \"00UADA\"", ADA)).isTrue();
	}

	@Test
	void containsStartsWithAndEndsWithIgnoreCaseOnCaseIgnoringAttributes() {
		assertThat(matches("userName co \"LOVELACE\"", ADA)).isTrue();
		assertThat(matches("userName sw \"ada.\"", ADA)).isTrue();
		assertThat(matches("userName ew \"@EXAMPLE.COM\"", ADA)).isTrue();
		assertThat(matches("userName co \"hopper\"", ADA)).isFalse();
		assertThat(matches("userName sw \"Lovelace\"", ADA)).isFalse();
		assertThat(matches("userName ew \"example\"", ADA)).isFalse();
	}

	@Test
	void containsStartsWithAndEndsWithRespectCaseOnCaseExactAttributes() {
		assertThat(matches("externalId co \"Ada\"", ADA)).isTrue();
		assertThat(matches("externalId co \"ada\"", ADA)).isFalse();
		assertThat(matches("externalId sw \"00u\"", ADA)).isTrue();
		assertThat(matches("externalId sw \"00U\"", ADA)).isFalse();
		assertThat(matches("externalId ew \"Ada\"", ADA)).isTrue();
		assertThat(matches("externalId ew \"ADA\"", ADA)).isFalse();
	}

	@Test
	void presentNeedsANonEmptyValue() {
		assertThat(matches("externalId pr", ADA)).isTrue();
		assertThat(matches("externalId pr", GRACE)).isFalse();
		assertThat(matches("title pr", ADA)).isTrue();
		assertThat(matches("title pr", GRACE)).isFalse();
		assertThat(matches("emails pr", GRACE)).isFalse();
	}

	@Test
	void orderingComparesStringsByTheAttributesCaseRule() {
		assertThat(matches("userName gt \"ADA\"", ADA)).isTrue();
		assertThat(matches("userName ge \"ada.lovelace@EXAMPLE.com\"", ADA)).isTrue();
		assertThat(matches("userName lt \"b\"", ADA)).isTrue();
		assertThat(matches("userName le \"ADA.LOVELACE@EXAMPLE.COM\"", ADA)).isTrue();
		assertThat(matches("userName lt \"ada.lovelace@example.com\"", ADA)).isFalse();
		assertThat(matches("userName gt \"ada.lovelace@example.com\"", ADA)).isFalse();
	}

	@Test
	void metaLastModifiedIsComparedAsAnInstant() {
		assertThat(matches("meta.lastModified gt \"2026-02-01T00:00:00Z\"", ADA)).isTrue();
		assertThat(matches("meta.lastModified gt \"2026-02-01T00:00:00Z\"", GRACE)).isFalse();
		assertThat(matches("meta.lastModified ge \"2026-03-01T10:00:00Z\"", ADA)).isTrue();
		assertThat(matches("meta.lastModified gt \"2026-03-01T10:00:00Z\"", ADA)).isFalse();
		assertThat(matches("meta.lastModified lt \"2026-02-01T00:00:00Z\"", GRACE)).isTrue();
		assertThat(matches("meta.lastModified le \"2026-01-15T08:30:00Z\"", GRACE)).isTrue();
	}

	@Test
	void aDateThatDoesNotParseMatchesNothing() {
		assertThat(matches("meta.lastModified gt \"yesterday\"", ADA)).isFalse();
		assertThat(matches("meta.lastModified lt \"yesterday\"", ADA)).isFalse();
	}

	@Test
	void activeMatchesJsonBooleans() {
		assertThat(matches("active eq true", ADA)).isTrue();
		assertThat(matches("active eq false", ADA)).isFalse();
		assertThat(matches("active eq false", GRACE)).isTrue();
		assertThat(matches("active ne true", GRACE)).isTrue();
	}

	@Test
	void activeMatchesBooleansSentAsStrings() {
		assertThat(matches("active eq \"true\"", ADA)).isTrue();
		assertThat(matches("active eq \"True\"", ADA)).isTrue();
		assertThat(matches("active eq \"false\"", ADA)).isFalse();
		assertThat(matches("active eq \"false\"", GRACE)).isTrue();
	}

	@Test
	void andBindsTighterThanOr() {
		// a or (b and c): true for ADA through the first term even though the "and" is false
		assertThat(matches("userName eq \"ada.lovelace@example.com\" or active eq false and title eq \"x\"", ADA))
			.isTrue();
		assertThat(matches("active eq false and userName eq \"nobody\" or title eq \"countess\"", ADA)).isTrue();
		assertThat(matches("active eq false and userName eq \"nobody\" or title eq \"countess\"", GRACE)).isFalse();
	}

	@Test
	void parenthesesOverridePrecedence() {
		assertThat(matches("(userName eq \"ada.lovelace@example.com\" or active eq false) and title eq \"x\"", ADA))
			.isFalse();
		assertThat(matches("(userName eq \"ada.lovelace@example.com\" or active eq false) and title eq \"countess\"",
				ADA))
			.isTrue();
	}

	@Test
	void notInvertsItsFilter() {
		assertThat(matches("not (userName eq \"ada.lovelace@example.com\")", ADA)).isFalse();
		assertThat(matches("not (userName eq \"ada.lovelace@example.com\")", GRACE)).isTrue();
		assertThat(matches("active eq true and not (externalId pr)", GRACE)).isFalse();
		assertThat(matches("not (active eq true) and not (externalId pr)", GRACE)).isTrue();
	}

	@Test
	void valuePathFilterMatchesAnyValueOfTheMultiValuedAttribute() {
		assertThat(matches("emails[value eq \"ADA@HOME.example\"]", ADA)).isTrue();
		assertThat(matches("emails[value sw \"ada@\"]", ADA)).isTrue();
		assertThat(matches("emails[value eq \"grace@example.com\"]", ADA)).isFalse();
		assertThat(matches("emails[value eq \"ada@example.com\"]", GRACE)).isFalse();
	}

	@Test
	void subAttributeFilterMatchesAnyValueOfTheMultiValuedAttribute() {
		assertThat(matches("emails.value eq \"ada@home.example\"", ADA)).isTrue();
		assertThat(matches("emails.value co \"HOME\"", ADA)).isTrue();
		assertThat(matches("emails eq \"ada@example.com\"", ADA)).isTrue();
		assertThat(matches("emails.value eq \"nobody@example.com\"", ADA)).isFalse();
	}

	@Test
	void equalityOnReturnsTheValueOfATopLevelEqForIndexLookups() {
		assertThat(parse("userName eq \"Ada.Lovelace@Example.com\"").orElseThrow().equalityOn("username"))
			.contains("Ada.Lovelace@Example.com");
		assertThat(parse("UserName eq \"x@y\"").orElseThrow().equalityOn("username")).contains("x@y");
	}

	@Test
	void equalityOnIsEmptyForAnyOtherShapeOfFilter() {
		assertThat(parse("userName eq \"x\"").orElseThrow().equalityOn("externalid")).isEmpty();
		assertThat(parse("userName co \"x\"").orElseThrow().equalityOn("username")).isEmpty();
		assertThat(parse("userName ne \"x\"").orElseThrow().equalityOn("username")).isEmpty();
		assertThat(parse("userName eq \"x\" and active eq true").orElseThrow().equalityOn("username")).isEmpty();
		assertThat(parse("userName eq \"x\" or userName eq \"y\"").orElseThrow().equalityOn("username")).isEmpty();
		assertThat(parse("not (userName eq \"x\")").orElseThrow().equalityOn("username")).isEmpty();
		assertThat(parse("active eq true").orElseThrow().equalityOn("active")).isEmpty();
	}

	@Test
	void anUnknownAttributeIsAnInvalidFilter() {
		assertThatThrownBy(() -> parse("nickName eq \"ada\""))
			.isInstanceOfSatisfying(ScimProblem.class, problem -> {
				assertThat(problem.status()).isEqualTo(400);
				assertThat(problem.scimType()).contains("invalidFilter");
				assertThat(problem.getMessage()).contains("nickName");
			});
	}

	@Test
	void anUnknownAttributeInsideALogicalOrValuePathFilterIsAnInvalidFilter() {
		assertThatThrownBy(() -> parse("userName eq \"a\" or nickName pr")).isInstanceOfSatisfying(ScimProblem.class,
				problem -> assertThat(problem.scimType()).contains("invalidFilter"));
		assertThatThrownBy(() -> parse("emails[type eq \"work\"]")).isInstanceOfSatisfying(ScimProblem.class,
				problem -> assertThat(problem.scimType()).contains("invalidFilter"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "userName eq", "userName eq \"unterminated", "userName equals \"x\"",
			"(userName eq \"x\"", "userName eq \"x\" and", "userName eq \"x\" )",
			"and userName eq \"x\"" })
	void badSyntaxIsAnInvalidFilter(String expression) {
		assertThatThrownBy(() -> parse(expression)).isInstanceOfSatisfying(ScimProblem.class, problem -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.scimType()).contains("invalidFilter");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void aBlankFilterIsNoFilter(String expression) {
		assertThat(parse(expression)).isEmpty();
	}

	@Test
	void anAbsentFilterIsNoFilter() {
		assertThat(parse(null)).isEmpty();
	}

}
