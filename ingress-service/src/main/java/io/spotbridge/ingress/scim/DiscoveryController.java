package io.spotbridge.ingress.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Service provider discovery (RFC 7644 §4): ServiceProviderConfig, ResourceTypes and Schemas, including the Spot role
 * extension that Okta's "Import User Schema" reads. Read-only: other methods get 405.
 */
@RestController
@RequestMapping(ScimMediaTypes.BASE_PATH)
class DiscoveryController {

	private final ObjectNode serviceProviderConfig = load("scim/ServiceProviderConfig.json");

	private final ArrayNode resourceTypes = (ArrayNode) load("scim/ResourceTypes.json").get("Resources");

	private final ArrayNode schemas = (ArrayNode) load("scim/Schemas.json").get("Resources");

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<byte[]> serviceProviderConfig(ServerWebExchange exchange) {
		ObjectNode config = serviceProviderConfig.deepCopy();
		withLocation(config, RequestContext.of(exchange).baseUrl() + "/ServiceProviderConfig");
		return ScimResponses.ok(config);
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<byte[]> resourceTypes(ServerWebExchange exchange) {
		return ScimResponses.ok(list(resourceTypes, RequestContext.of(exchange).baseUrl() + "/ResourceTypes/"));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<byte[]> resourceType(ServerWebExchange exchange, @PathVariable String name) {
		return ScimResponses.ok(one(resourceTypes, "name", name, "ResourceType",
				RequestContext.of(exchange).baseUrl() + "/ResourceTypes/"));
	}

	@GetMapping("/Schemas")
	ResponseEntity<byte[]> schemas(ServerWebExchange exchange) {
		return ScimResponses.ok(list(schemas, RequestContext.of(exchange).baseUrl() + "/Schemas/"));
	}

	@GetMapping("/Schemas/{urn}")
	ResponseEntity<byte[]> schema(ServerWebExchange exchange, @PathVariable String urn) {
		return ScimResponses.ok(one(schemas, "id", urn, "Schema", RequestContext.of(exchange).baseUrl() + "/Schemas/"));
	}

	private static ObjectNode list(ArrayNode resources, String locationPrefix) {
		ArrayNode located = ScimJson.array();
		for (JsonNode resource : resources) {
			ObjectNode copy = (ObjectNode) resource.deepCopy();
			withLocation(copy, locationPrefix + key(copy));
			located.add(copy);
		}
		ObjectNode body = ScimJson.object();
		body.putArray("schemas").add(ScimMediaTypes.LIST_RESPONSE);
		body.put("totalResults", located.size());
		body.put("startIndex", 1);
		body.put("itemsPerPage", located.size());
		body.set("Resources", located);
		return body;
	}

	private static ObjectNode one(ArrayNode resources, String field, String value, String type, String locationPrefix) {
		for (JsonNode resource : resources) {
			if (resource.path(field).asString().equalsIgnoreCase(value)) {
				ObjectNode copy = (ObjectNode) resource.deepCopy();
				withLocation(copy, locationPrefix + key(copy));
				return copy;
			}
		}
		throw ScimProblem.notFound(type, value);
	}

	private static String key(JsonNode resource) {
		return resource.has("name") && !resource.has("attributes") ? resource.path("name").asString()
				: resource.path("id").asString();
	}

	private static void withLocation(ObjectNode resource, String location) {
		JsonNode meta = resource.get("meta");
		if (meta instanceof ObjectNode object) {
			object.put("location", location);
		}
	}

	private static ObjectNode load(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return (ObjectNode) ScimJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
