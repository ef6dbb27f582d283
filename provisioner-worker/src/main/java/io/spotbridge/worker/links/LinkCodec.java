package io.spotbridge.worker.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.EventKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of the records on the links topics. User links:
 * {@code {"schemaVersion":1,"spotUserId":"u-..","appliedVersion":3,"email":"..","updatedAt":"..."}}, key
 * {@code <tenant>/<scimUserId>}. Group links:
 * {@code {"schemaVersion":1,"spotGroupId":"ugr-..","appliedVersion":2,"name":"..","members":["<scimUserId>",..],
 * "mappedPolicies":false,"updatedAt":"..."}}, key {@code <tenant>/<scimGroupId>}.
 */
public final class LinkCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private LinkCodec() {
	}

	public static byte[] encode(UserLink link) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(160);
		try (tools.jackson.core.JsonGenerator json = MAPPER.createGenerator(bytes)) {
			json.writeStartObject();
			json.writeNumberProperty("schemaVersion", 1);
			json.writeStringProperty("spotUserId", link.spotUserId());
			json.writeNumberProperty("appliedVersion", link.appliedVersion());
			json.writeStringProperty("email", link.email());
			json.writeStringProperty("updatedAt", link.updatedAt().toString());
			json.writeEndObject();
		}
		return bytes.toByteArray();
	}

	/**
	 * Header on every link record with its applied version, so that the store can skip, without decoding it, a record
	 * it already holds (its own writes, read back from the topic).
	 */
	public static final String VERSION_HEADER = "x-applied-version";

	/** The record of a user link, with {@link #VERSION_HEADER}. */
	public static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String topic, UserLink link) {
		return withVersion(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, link.key().toString(),
				encode(link)), link.appliedVersion());
	}

	/** The record of a group link, with {@link #VERSION_HEADER}. */
	public static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String topic, GroupLink link) {
		return withVersion(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, link.key().toString(),
				encode(link)), link.appliedVersion());
	}

	/** The applied version a link record's header names; -1 without one. */
	public static long headerVersion(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
		org.apache.kafka.common.header.Header header = record.headers().lastHeader(VERSION_HEADER);
		if (header == null || header.value() == null) {
			return -1;
		}
		try {
			return Long.parseLong(new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> withVersion(
			org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record, long version) {
		record.headers().add(VERSION_HEADER, Long.toString(version).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return record;
	}

	public static byte[] encode(GroupLink link) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("schemaVersion", 1);
		value.put("spotGroupId", link.spotGroupId());
		value.put("appliedVersion", link.appliedVersion());
		value.put("name", link.name());
		value.put("members", link.members());
		value.put("mappedPolicies", link.mappedPolicies());
		value.put("updatedAt", link.updatedAt().toString());
		return MAPPER.writeValueAsBytes(value);
	}

	/** @throws IllegalArgumentException when the key or value is not a user link */
	public static UserLink decode(String key, byte[] value) {
		return read(key, value, node -> new UserLink(EventKey.parse(key), node.path("spotUserId").asString(""),
				node.path("appliedVersion").asLong(), node.path("email").asString(""), updatedAt(node)));
	}

	/** @throws IllegalArgumentException when the key or value is not a group link */
	public static GroupLink decodeGroup(String key, byte[] value) {
		return read(key, value, node -> {
			List<String> members = new ArrayList<>();
			node.path("members").forEach(member -> members.add(member.asString("")));
			return new GroupLink(EventKey.parse(key), node.path("spotGroupId").asString(""),
					node.path("appliedVersion").asLong(), node.path("name").asString(""), members,
					node.path("mappedPolicies").asBoolean(false), updatedAt(node));
		});
	}

	private static <T> T read(String key, byte[] value, java.util.function.Function<JsonNode, T> reader) {
		try {
			JsonNode node = MAPPER.readTree(value);
			if (!node.path("appliedVersion").canConvertToLong()) {
				throw new IllegalArgumentException("link " + key + " has no appliedVersion");
			}
			return reader.apply(node);
		}
		catch (JacksonException | java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("link " + key + " is not readable: " + ex.getMessage(), ex);
		}
	}

	private static Instant updatedAt(JsonNode node) {
		return Instant.parse(node.path("updatedAt").asString(Instant.EPOCH.toString()));
	}

}
