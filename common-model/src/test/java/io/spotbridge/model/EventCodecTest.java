package io.spotbridge.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

	private static final Instant T0 = Instant.parse("2026-11-28T10:15:30.123Z");

	private final EventCodec codec = new EventCodec();

	static UserSnapshot user() {
		var sent = JsonMapper.builder().build()
			.readTree("""
					{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Ada@Example.com",
					 "password":"1mz050nq","id":"client-sent","meta":{"version":"x"},"groups":[],
					 "roles":[{"primary":true,"value":"Editor","type":"Editor"}],"locale":"en-US"}""");
		return new UserSnapshot("u1", "Ada@Example.com", "00u1", "Ada", "Lovelace", "Ada Lovelace",
				"ada@example.com", true, "Editor", ScimAttributes.of(sent), T0, T0.plusSeconds(5));
	}

	/** Only what is required, a userName that needs escaping, no attributes. */
	static UserSnapshot sparseUser() {
		return new UserSnapshot("u2", "Zo\u00eb \"q\"\\\t@example.com", null, null, null, null, null, false, null,
				null, T0, T0.plusSeconds(1));
	}

	static GroupSnapshot group() {
		return new GroupSnapshot("g1", "Spot Admins", null,
				List.of(new GroupMember("u1", "Ada"), new GroupMember("u2", null)), T0, T0);
	}

	static Stream<LifecycleEvent> everyEventType() {
		return Stream.of(new UserCreated("e1", "acme", 1, T0, "c1", user()),
				new UserUpdated("e2", "acme", 2, T0, "c2", user()),
				new UserDeactivated("e3", "acme", 3, T0, "", user().withActive(false, T0)),
				new UserReactivated("e4", "acme", 4, T0, "c4", user()),
				new UserDeleted("e5", "acme", 5, T0, "c5", user()),
				new UserCreated("e9", "acme", 1, T0.plusNanos(7), "", sparseUser()),
				new GroupCreated("e6", "acme", 1, T0, "c6", group()),
				new GroupUpdated("e7", "acme", 2, T0, "c7", group()), new GroupDeleted("e8", "acme", 3, T0, "c8", group()));
	}

	@ParameterizedTest
	@MethodSource("everyEventType")
	void everyEventSurvivesARoundTrip(LifecycleEvent event) {
		byte[] wire = codec.encode(event);

		assertThat(codec.decode(wire)).isEqualTo(event);
		assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"schemaVersion\":1")
			.contains("\"type\":\"" + event.type() + "\"");
	}

	/** The encoder writes exactly the bytes of the tree-based encoder it replaced (schemaVersion first). */
	@ParameterizedTest
	@MethodSource("everyEventType")
	void theWireFormatIsUnchanged(LifecycleEvent event) {
		JsonMapper plain = JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode node = plain.createObjectNode();
		node.put("schemaVersion", 1);
		node.setAll((tools.jackson.databind.node.ObjectNode) plain.valueToTree(event));

		assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
			.isEqualTo(new String(plain.writeValueAsBytes(node), StandardCharsets.UTF_8));
	}

	@Test
	void attributesAreReadAsTheyWereSentWithoutSecretsOrServerAttributes() {
		String wire = new String(codec.encode(new UserCreated("e1", "acme", 1, T0, "c", user())), StandardCharsets.UTF_8);
		String withSecrets = wire.replace("\"attributes\":{", "\"attributes\":{\"Password\":\"p\",\"ID\":\"x\","
				+ "\"meta\":{\"a\":[1,{\"b\":2.5}]},\"nested\":{\"password\":\"kept-as-sent\",\"n\":[1.0,null,true]},");

		UserCreated decoded = (UserCreated) codec.decode(withSecrets.getBytes(StandardCharsets.UTF_8));

		String expected = user().attributes().json().replaceFirst("\\{",
				"{\"nested\":{\"password\":\"kept-as-sent\",\"n\":[1.0,null,true]},");
		assertThat(decoded.user().attributes().json()).isEqualTo(expected);
		assertThat(decoded.user().attributes().json()).isEqualTo(ScimAttributes.of(JsonMapper.builder().build()
			.readTree(withSecrets).get("user").get("attributes")).json());
	}

	/** User events are read without data binding; shapes that reader does not know still go through data binding. */
	@Test
	void unusualButValidUserRecordsReadAsDataBindingReadsThem() {
		String wire = new String(codec.encode(new UserUpdated("e2", "acme", 2, T0, "c2", user())), StandardCharsets.UTF_8);
		JsonMapper binding = JsonMapper.builder()
			.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		for (String variant : new String[] { wire,
				wire.replace("\"eventId\"", "\"later\":{\"a\":[1,2]},\"eventId\"")
					.replace("\"active\"", "\"unknown\":[true],\"active\""),
				wire.replace("\"active\":true", "\"active\":\"true\""),
				wire.replace("\"version\":2", "\"version\":\"2\""),
				wire.replace("\"correlationId\":\"c2\"", "\"correlationId\":null"),
				wire.replace("\"created\":\"2026-11-28T10:15:30.123Z\"", "\"created\":\"2026-11-28T11:15:30.123+01:00\""),
				wire.replace("\"externalId\":\"00u1\",", "") }) {
			String withoutSchema = variant.replace("\"schemaVersion\":1,", "");
			assertThat(codec.decode(variant.getBytes(StandardCharsets.UTF_8))).as(variant)
				.isEqualTo(binding.readValue(withoutSchema, LifecycleEvent.class));
		}
	}

	@Test
	void theWireFormatNeverCarriesThePasswordOrClientSentServerAttributes() {
		String wire = new String(codec.encode(new UserCreated("e1", "acme", 1, T0, "c", user())), StandardCharsets.UTF_8);

		assertThat(wire).doesNotContain("password").doesNotContain("1mz050nq").doesNotContain("client-sent")
			.doesNotContain("\"groups\"");
		assertThat(wire).contains("\"roles\":[{\"primary\":true,\"value\":\"Editor\",\"type\":\"Editor\"}]");
	}

	@Test
	void theKeyIsTenantSlashId() {
		var event = new UserCreated("e1", "acme", 1, T0, "c", user());

		assertThat(event.key().toString()).isEqualTo("acme/u1");
		assertThat(EventKey.parse("acme/u1")).isEqualTo(event.key());
	}

	@Test
	void onlyActiveUndeletedUsersBelongInSpot() {
		assertThat(new UserCreated("e", "t", 1, T0, "", user()).wantsSpotUser()).isTrue();
		assertThat(new UserDeactivated("e", "t", 2, T0, "", user().withActive(false, T0)).wantsSpotUser()).isFalse();
		assertThat(new UserDeleted("e", "t", 3, T0, "", user()).wantsSpotUser()).isFalse();
	}

	@Test
	void aNewerSchemaIsRefusedRatherThanHalfRead() {
		byte[] future = "{\"schemaVersion\":2,\"type\":\"UserCreated\"}".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> codec.decode(future)).isInstanceOf(EventCodecException.class)
			.hasMessageContaining("schemaVersion");
	}

	@Test
	void unknownFieldsOfAKnownSchemaAreIgnored() {
		String wire = new String(codec.encode(new GroupCreated("e6", "acme", 1, T0, "c6", group())),
				StandardCharsets.UTF_8);
		String extended = wire.replaceFirst("\\{", "{\"addedLater\":true,");

		assertThat(codec.decode(extended.getBytes(StandardCharsets.UTF_8))).isInstanceOf(GroupCreated.class);
	}

	@Test
	void garbageIsACodecErrorNotACrash() {
		assertThatThrownBy(() -> codec.decode("not json".getBytes())).isInstanceOf(EventCodecException.class);
		assertThatThrownBy(() -> codec.decode("[1]".getBytes())).isInstanceOf(EventCodecException.class);
		assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(EventCodecException.class);
		assertThatThrownBy(() -> codec.decode("{\"schemaVersion\":1,\"type\":\"UserCreated\",\"version\":0}".getBytes()))
			.isInstanceOf(EventCodecException.class);
		assertThatThrownBy(() -> codec.decode("{\"schemaVersion\":1,\"type\":\"Nope\"}".getBytes()))
			.isInstanceOf(EventCodecException.class);
	}

}
