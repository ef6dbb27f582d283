package io.spotbridge.model;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON wire format of {@link LifecycleEvent}s. Every record carries {@code schemaVersion}; a reader refuses a
 * schema newer than it knows (so an old worker never half-applies a new format) and ignores unknown fields within a
 * known schema (so fields can be added without a version bump). Thread-safe.
 */
public final class EventCodec {

	/** The schema version this codec writes. */
	public static final int SCHEMA_VERSION = 1;

	static final String SCHEMA_VERSION_FIELD = "schemaVersion";

	private static final byte[] SCHEMA_PREFIX = ("{\"" + SCHEMA_VERSION_FIELD + "\":" + SCHEMA_VERSION + ",")
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(EventJson.module())
		.build();

	/**
	 * {@code {"schemaVersion":1,<the event's own members>}}: user events (one per SCIM write) are written member by
	 * member ({@link UserEventWriter}); group events are written once with data binding, straight to bytes, and the
	 * version spliced in as the first member (no intermediate tree). Both give the text data binding gives.
	 */
	public byte[] encode(LifecycleEvent event) {
		try {
			if (event instanceof UserEvent user) {
				ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
				try (JsonGenerator out = mapper.tokenStreamFactory().createGenerator(bytes)) {
					UserEventWriter.write(out, user);
				}
				return bytes.toByteArray();
			}
			byte[] body = mapper.writeValueAsBytes(event);
			if (body.length < 2 || body[0] != '{' || body[1] == '}') {
				throw new EventCodecException("cannot encode " + event.type() + " " + event.key() + ": not an object");
			}
			byte[] wire = new byte[SCHEMA_PREFIX.length + body.length - 1];
			System.arraycopy(SCHEMA_PREFIX, 0, wire, 0, SCHEMA_PREFIX.length);
			System.arraycopy(body, 1, wire, SCHEMA_PREFIX.length, body.length - 1);
			return wire;
		}
		catch (JacksonException ex) {
			throw new EventCodecException("cannot encode " + event.type() + " " + event.key(), ex);
		}
	}

	/**
	 * @throws EventCodecException when the bytes are not JSON, not an event, or of a newer schema
	 */
	public LifecycleEvent decode(byte[] bytes) {
		if (bytes == null) {
			throw new EventCodecException("record has no value");
		}
		// The fast path: records this codec wrote start with {"schemaVersion":N,"type":...}, so they are read straight
		// into the event, by the same parser, with the type id first (no tree, no buffering of members).
		try (JsonParser parser = mapper.createParser(bytes)) {
			if (parser.nextToken() == JsonToken.START_OBJECT && SCHEMA_VERSION_FIELD.equals(parser.nextName())
					&& parser.nextToken() == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() >= 1
					&& parser.getIntValue() <= SCHEMA_VERSION && parser.nextToken() == JsonToken.PROPERTY_NAME) {
				try {
					UserEvent user = UserEventReader.read(parser, bytes);
					if (user != null) {
						return user;
					}
				}
				catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
					// read it with data binding below, which accepts it or says what is wrong with it
				}
				return readBound(bytes);
			}
		}
		catch (JacksonException ex) {
			// not the common shape: the general path below says what is wrong with it
		}
		return readTreeFirst(bytes);
	}

	/** A record that starts with a known schemaVersion, read with data binding. */
	private LifecycleEvent readBound(byte[] bytes) {
		try (JsonParser parser = mapper.createParser(bytes)) {
			parser.nextToken();
			parser.nextName();
			parser.nextToken();
			parser.nextToken();
			return mapper.readValue(parser, LifecycleEvent.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new EventCodecException("record is not a valid lifecycle event: " + ex.getMessage(), ex);
		}
	}

	private LifecycleEvent readTreeFirst(byte[] bytes) {
		JsonNode node;
		try {
			node = mapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new EventCodecException("record is not JSON", ex);
		}
		if (!(node instanceof ObjectNode object)) {
			throw new EventCodecException("record is not a JSON object");
		}
		JsonNode schema = object.remove(SCHEMA_VERSION_FIELD);
		if (schema == null || !schema.canConvertToInt() || schema.asInt() < 1 || schema.asInt() > SCHEMA_VERSION) {
			throw new EventCodecException("unsupported schemaVersion " + schema + " (this reader knows 1.."
					+ SCHEMA_VERSION + ")");
		}
		try {
			return mapper.treeToValue(object, LifecycleEvent.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new EventCodecException("record is not a valid lifecycle event: " + ex.getMessage(), ex);
		}
	}

}
