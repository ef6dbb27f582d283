package io.spotbridge.ingress.scim;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPageTest {

	static final List<Integer> HUNDRED_AND_FIFTY = IntStream.rangeClosed(1, 150).boxed().toList();

	static ListPage page(String startIndex, String count) {
		return ListPage.of(Optional.ofNullable(startIndex), Optional.ofNullable(count));
	}

	@Test
	void withoutParametersThePageStartsAtOneWithOneHundredResources() {
		assertThat(page(null, null)).isEqualTo(new ListPage(1, 100));
	}

	@Test
	void aStartIndexBelowOneIsOne() {
		assertThat(page("0", "10").startIndex()).isEqualTo(1);
		assertThat(page("-5", "10").startIndex()).isEqualTo(1);
	}

	@Test
	void theCountIsCappedAndNeverNegative() {
		assertThat(page("1", "5000").count()).isEqualTo(ListPage.MAX_COUNT);
		assertThat(page("1", "-1").count()).isZero();
	}

	@Test
	void parametersMayCarrySurroundingWhitespace() {
		assertThat(page(" 101 ", " 100 ")).isEqualTo(new ListPage(101, 100));
	}

	@Test
	void aParameterThatIsNoIntegerIsAnInvalidValue() {
		assertThatThrownBy(() -> page("one", "10")).isInstanceOfSatisfying(ScimProblem.class, problem -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.scimType()).contains("invalidValue");
			assertThat(problem.getMessage()).contains("startIndex");
		});
		assertThatThrownBy(() -> page("1", "1.5")).isInstanceOfSatisfying(ScimProblem.class,
				problem -> assertThat(problem.getMessage()).contains("count"));
	}

	@Test
	void sliceIsOneBased() {
		assertThat(page("1", "2").slice(HUNDRED_AND_FIFTY)).containsExactly(1, 2);
		assertThat(page("101", "100").slice(HUNDRED_AND_FIFTY)).hasSize(50).startsWith(101).endsWith(150);
	}

	@Test
	void aSliceBeyondTheEndIsEmpty() {
		assertThat(page("151", "100").slice(HUNDRED_AND_FIFTY)).isEmpty();
		assertThat(page("1000", "100").slice(HUNDRED_AND_FIFTY)).isEmpty();
		assertThat(page("1", "0").slice(HUNDRED_AND_FIFTY)).isEmpty();
	}

	@Test
	void theResponseIsAListResponseWithNumericPagingFields() {
		List<ObjectNode> resources = List.of(ScimJson.object().put("id", "a"), ScimJson.object().put("id", "b"));

		ObjectNode response = page("3", "2").response(7, resources);

		assertThat(response.get("schemas").get(0).asString()).isEqualTo(ScimMediaTypes.LIST_RESPONSE);
		assertThat(response.get("totalResults").isNumber()).isTrue();
		assertThat(response.get("totalResults").asInt()).isEqualTo(7);
		assertThat(response.get("startIndex").isNumber()).isTrue();
		assertThat(response.get("startIndex").asInt()).isEqualTo(3);
		assertThat(response.get("itemsPerPage").isNumber()).isTrue();
		assertThat(response.get("itemsPerPage").asInt()).isEqualTo(2);
		assertThat(response.get("Resources").valueStream().map(r -> r.get("id").asString())).containsExactly("a", "b");
	}

	@Test
	void anEmptyResultStillCarriesAnEmptyResourcesArray() {
		ObjectNode response = page(null, null).response(0, List.of());

		assertThat(response.get("totalResults").asInt()).isZero();
		assertThat(response.get("itemsPerPage").asInt()).isZero();
		assertThat(response.get("Resources").isArray()).isTrue();
		assertThat(response.get("Resources").isEmpty()).isTrue();
	}

}
