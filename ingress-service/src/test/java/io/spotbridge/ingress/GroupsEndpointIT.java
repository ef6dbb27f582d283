package io.spotbridge.ingress;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

/** Okta Group Push at the SCIM level: create, find by name, member PATCH/PUT, rename, delete. */
@IngressIT
class GroupsEndpointIT {

	@LocalServerPort
	int port;

	ScimClient okta;

	@BeforeEach
	void connect() {
		okta = ScimClient.of(port, IngressIT.SPOT_TOKEN);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> okta.get("/Groups").expectStatus().isOk());
	}

	private String createGroup(String name, String... members) {
		String memberJson = String.join(",", java.util.Arrays.stream(members)
			.map(m -> "{\"value\":\"" + m + "\",\"display\":\"" + m + "\"}").toList());
		return okta.post("/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}"""
			.formatted(name, memberJson)).expectStatus().isCreated().expectBody(String.class)
			.returnResult().getResponseBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void pushedGroupIsFoundByDisplayNameWithItsMembers() {
		String ada = okta.createUser("group.ada@example.com");
		String id = createGroup("Spot Viewers", ada);

		okta.get("/Groups?filter=displayName eq \"spot viewers\"&startIndex=1&count=100").expectStatus().isOk()
			.expectBody()
			.jsonPath("$.totalResults").isEqualTo(1)
			.jsonPath("$.Resources[0].id").isEqualTo(id)
			.jsonPath("$.Resources[0].displayName").isEqualTo("Spot Viewers")
			.jsonPath("$.Resources[0].members[0].value").isEqualTo(ada);
	}

	@Test
	void duplicateDisplayNameIsAConflict() {
		createGroup("Platform Team");

		okta.post("/Groups", "{\"displayName\":\"platform team\"}").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.scimType").isEqualTo("uniqueness");
	}

	@Test
	void membersAreAddedRemovedAndReplacedByPatch() {
		String a = okta.createUser("patch.a@example.com");
		String b = okta.createUser("patch.b@example.com");
		String c = okta.createUser("patch.c@example.com");
		String id = createGroup("Patchers", a);

		okta.patch("/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"b"},{"value":"%s"}]}]}"""
			.formatted(b, c)).expectStatus().isOk().expectBody()
			.jsonPath("$.members[*].value").value(containsInAnyOrder(a, b, c));

		okta.patch("/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(a))
			.expectStatus().isOk().expectBody().jsonPath("$.members[*].value").value(containsInAnyOrder(b, c));

		okta.patch("/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","path":"members","value":[{"value":"%s"}]}]}""".formatted(a))
			.expectStatus().isOk().expectBody().jsonPath("$.members[*].value").value(containsInAnyOrder(a));
	}

	@Test
	void groupIsRenamedByPathlessPatchAndReplacedByPut() {
		String a = okta.createUser("rename.a@example.com");
		String id = createGroup("Old Name");

		okta.patch("/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"New Name"}}]}""".formatted(id))
			.expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("New Name")
			.jsonPath("$.id").isEqualTo(id);

		okta.put("/Groups/" + id, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"Newer Name",
				 "members":[{"value":"%s","display":"a"}]}""".formatted(id, a))
			.expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Newer Name")
			.jsonPath("$.members[0].value").isEqualTo(a);
	}

	@Test
	void deletedGroupIsGone() {
		String id = createGroup("Short Lived");

		okta.delete("/Groups/" + id).expectStatus().isNoContent();

		okta.get("/Groups/" + id).expectStatus().isNotFound();
		okta.get("/Groups?filter=displayName eq \"Short Lived\"").expectStatus().isOk().expectBody()
			.jsonPath("$.totalResults").isEqualTo(0);
	}

	@Test
	void twentyConcurrentMemberPatchesAllLand() {
		List<String> users = IntStream.range(0, 20).mapToObj(i -> okta.createUser("concurrent" + i + "@example.com"))
			.toList();
		String id = createGroup("Concurrent");

		Flux.fromIterable(users)
			.parallel(20)
			.runOn(Schedulers.boundedElastic())
			.doOnNext(user -> okta.patch("/Groups/" + id, """
					{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
					 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(user))
				.expectStatus().isOk())
			.sequential()
			.blockLast(Duration.ofSeconds(60));

		okta.get("/Groups/" + id).expectStatus().isOk().expectBody()
			.jsonPath("$.members").value(hasSize(20))
			.jsonPath("$.meta.version").isEqualTo("W/\"21\"");
		assertThat(users).hasSize(20);
	}

}
