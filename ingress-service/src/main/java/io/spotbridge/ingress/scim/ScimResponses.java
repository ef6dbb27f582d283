package io.spotbridge.ingress.scim;

import java.net.URI;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** SCIM answers: {@code application/scim+json}, with {@code ETag} and {@code Location} for resources. */
public final class ScimResponses {

	private ScimResponses() {
	}

	public static ResponseEntity<byte[]> resource(HttpStatus status, ObjectNode resource, long version) {
		var builder = ResponseEntity.status(status).contentType(ScimMediaTypes.SCIM_JSON).eTag(Versions.etag(version));
		JsonNode location = resource.path("meta").path("location");
		if (location.isString()) {
			builder.location(URI.create(location.asString()));
		}
		return builder.body(ScimJson.write(resource));
	}

	/** A resource already written as JSON, with its {@code Location} (ASCII: base URL and id) and version. */
	public static ResponseEntity<byte[]> resource(HttpStatus status, byte[] resource, String location, long version) {
		return ResponseEntity.status(status)
			.contentType(ScimMediaTypes.SCIM_JSON)
			.eTag(Versions.etag(version))
			.header(org.springframework.http.HttpHeaders.LOCATION, location)
			.body(resource);
	}

	/** An answer already written as JSON. */
	public static ResponseEntity<byte[]> ok(byte[] body) {
		return ResponseEntity.ok().contentType(ScimMediaTypes.SCIM_JSON).body(body);
	}

	public static ResponseEntity<byte[]> ok(JsonNode body) {
		return ResponseEntity.ok().contentType(ScimMediaTypes.SCIM_JSON).body(ScimJson.write(body));
	}

	public static ResponseEntity<byte[]> noContent() {
		return ResponseEntity.noContent().build();
	}

}
