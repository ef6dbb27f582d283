package io.spotbridge.ingress.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an RFC 7644 §3.5.2 PATCH request to a resource's JSON with the SCIM SDK. Accepts the dialects seen from
 * Okta and other clients: op names in any case ({@code "Replace"}), path-less operations whose value is an object
 * ({@code {"op":"replace","value":{"active":false}}}). Paths must name an attribute of the resource type; anything
 * else is a 400 {@code invalidPath}.
 */
public final class ScimPatch {

	private static final Pattern CORE_SCHEMA_PREFIX = Pattern
		.compile("^\\s*urn:ietf:params:scim:schemas:core:2\\.0:(User|Group):", Pattern.CASE_INSENSITIVE);

	private ScimPatch() {
	}

	/**
	 * @param resource          the current resource (not modified)
	 * @param patchBody         the PATCH request body
	 * @param knownAttributes   lower-cased top-level attribute names a path may start with
	 * @return the patched copy
	 */
	public static ObjectNode apply(ObjectNode resource, ObjectNode patchBody, Set<String> knownAttributes) {
		PatchRequest request = parse(normalized(patchBody));
		ObjectNode patched = resource.deepCopy();
		for (PatchOperation operation : request.getOperations()) {
			checkPath(operation.getPath(), knownAttributes);
			try {
				operation.apply(patched);
			}
			catch (ScimException ex) {
				throw ScimProblem.from(ex);
			}
			catch (RuntimeException ex) {
				throw ScimProblem.invalidValue("PATCH operation " + operation.getOpType() + " could not be applied: "
						+ ex.getMessage());
			}
		}
		return patched;
	}

	private static ObjectNode normalized(ObjectNode body) {
		ObjectNode copy = body.deepCopy();
		JsonNode operations = field(copy, "operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw ScimProblem.invalidSyntax("PATCH body needs a non-empty \"Operations\" array");
		}
		copy.remove(copy.propertyNames().stream().filter(n -> n.equalsIgnoreCase("operations")).toList());
		copy.set("Operations", operations);
		copy.putArray("schemas").add(ScimMediaTypes.PATCH_OP);
		for (JsonNode op : operations) {
			if (!(op instanceof ObjectNode operation)) {
				throw ScimProblem.invalidSyntax("Each PATCH operation must be a JSON object");
			}
			JsonNode name = field(operation, "op");
			if (name == null || !name.isString()) {
				throw ScimProblem.invalidSyntax("Each PATCH operation needs an \"op\" of add, replace or remove");
			}
			operation.remove(operation.propertyNames().stream().filter(n -> n.equalsIgnoreCase("op")).toList());
			operation.put("op", name.asString().toLowerCase(Locale.ROOT));
			JsonNode path = field(operation, "path");
			if (path != null && path.isString()) {
				// RFC 7644 §3.10: a core attribute may be named by its full URN; the SDK would apply such a path to
				// an object keyed by the schema URN instead of the attribute itself, so it is made unqualified
				operation.remove(operation.propertyNames().stream().filter(n -> n.equalsIgnoreCase("path")).toList());
				String unqualified = CORE_SCHEMA_PREFIX.matcher(path.asString()).replaceFirst("");
				if (!unqualified.isBlank()) {
					operation.put("path", unqualified);
				}
			}
		}
		return copy;
	}

	private static PatchRequest parse(ObjectNode body) {
		try {
			return JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(body);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			ScimException scim = causeOf(ex);
			if (scim != null) {
				throw ScimProblem.from(scim);
			}
			throw ScimProblem.invalidSyntax("PATCH body is not a valid PatchOp message: " + rootMessage(ex));
		}
	}

	private static void checkPath(Path path, Set<String> knownAttributes) {
		if (path == null || path.isRoot()) {
			return;
		}
		if (path.getSchemaUrn() != null && path.size() == 0) {
			return;
		}
		String first = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
		if (path.getSchemaUrn() != null && !path.getSchemaUrn().startsWith("urn:ietf:params:scim:schemas:core:")) {
			return;
		}
		if (!knownAttributes.contains(first)) {
			throw ScimProblem.badRequest("invalidPath", "PATCH path \"" + path + "\" names no attribute of this resource");
		}
	}

	static JsonNode field(ObjectNode node, String name) {
		for (String candidate : node.propertyNames()) {
			if (candidate.equalsIgnoreCase(name)) {
				return node.get(candidate);
			}
		}
		return null;
	}

	private static ScimException causeOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ScimException scim) {
				return scim;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
