package io.spotbridge.ingress.users;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.model.ScimAttributes;
import io.spotbridge.model.UserSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed answers are byte for byte the tree-built resources they replace. */
class UserResourcesWriteTest {

	@ParameterizedTest
	@ValueSource(strings = { UserResourcesTest.OKTA_USER,
			"""
					{"userName":"a","SCHEMAS":["urn:x","URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER",1],"active":"false",
					 "urn:ietf:params:scim:schemas:extension:spot:2.0:User":{"role":"Admin"},"URN:other":{"a":[1.5,null]},
					 "urn:not-an-object":"x","UserName":"b","roles":[{"value":"Editor","primary":true}],"ünï":"çødé"}""",
			"""
					{"userName":"plain"}""",
			"""
					{"userName":"n","schemas":null,"Schemas":["urn:y"],"urn:y":{},"x":[[1],{"schemas":2}]}""",
			"""
					{"userName":"n","Schemas":"urn:z","SCHEMAS":["urn:y",{"a":["b"]},["c"]],"urn:y":{"k":{}}}""" })
	void writeIsTheResourceAsJson(String body) {
		UserSnapshot snapshot = UserResources.toSnapshot(ScimJson.parseObject(body), "0192-abc", UserResourcesTest.CREATED,
				Instant.parse("2026-02-20T12:30:00.123456Z"));
		UserEntry entry = new UserEntry(snapshot, 7);

		String expected = new String(ScimJson.write(UserResources.toResource(entry, UserResourcesTest.BASE_URL)),
				StandardCharsets.UTF_8);
		assertThat(new String(UserResources.write(entry, UserResourcesTest.BASE_URL), StandardCharsets.UTF_8))
			.isEqualTo(expected);
		assertThat(UserResources.location(entry, UserResourcesTest.BASE_URL))
			.isEqualTo(UserResourcesTest.BASE_URL + "/Users/0192-abc");

		ListPage page = new ListPage(3, 10);
		UserEntry other = new UserEntry(new UserSnapshot("x2", "other", null, null, null, null, null, false, null,
				new ScimAttributes("{\"userName\":\"other\"}"), UserResourcesTest.CREATED, UserResourcesTest.NOW), 1);
		String list = new String(ScimJson.write(page.response(12,
				List.of(UserResources.toResource(entry, UserResourcesTest.BASE_URL),
						UserResources.toResource(other, UserResourcesTest.BASE_URL)))),
				StandardCharsets.UTF_8);
		assertThat(new String(UserResources.writeList(page, 12, List.of(entry, other), UserResourcesTest.BASE_URL),
				StandardCharsets.UTF_8)).isEqualTo(list);
		assertThat(new String(UserResources.writeList(page, 0, List.of(), UserResourcesTest.BASE_URL),
				StandardCharsets.UTF_8)).isEqualTo(new String(ScimJson.write(page.response(0, List.of())),
						StandardCharsets.UTF_8));
	}

}
