package io.spotbridge.model;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Jackson (de)serializers of the wire format that are faster than the general ones and write the same text: instants
 * as ISO-8601 UTC strings (as {@code InstantSerializer} writes them by default).
 */
final class EventJson {

	private EventJson() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("spot-bridge-events");
		module.addSerializer(Instant.class, new InstantWriter());
		module.addDeserializer(Instant.class, new InstantReader());
		return module;
	}

	static final class InstantWriter extends StdSerializer<Instant> {

		InstantWriter() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator gen, SerializationContext provider) throws JacksonException {
			gen.writeString(Instants.format(value));
		}

	}

	static final class InstantReader extends StdScalarDeserializer<Instant> {

		InstantReader() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			if (p.currentToken() == JsonToken.VALUE_STRING) {
				Instant fast = Instants.parseCommon(p.getString());
				if (fast != null) {
					return fast;
				}
			}
			return InstantDeserializer.INSTANT.deserialize(p, ctxt);
		}

	}

}
