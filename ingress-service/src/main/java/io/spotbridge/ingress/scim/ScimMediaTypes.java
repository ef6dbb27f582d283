package io.spotbridge.ingress.scim;

import org.springframework.http.MediaType;

public final class ScimMediaTypes {

	public static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

	public static final String BASE_PATH = "/scim/v2";

	public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

	public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	/** The extension schema carrying the Spot role (Viewer / Editor). */
	public static final String SPOT_USER_EXTENSION = "urn:ietf:params:scim:schemas:extension:spot:2.0:User";

	private ScimMediaTypes() {
	}

	/** JSON bodies SCIM accepts: {@code application/scim+json} and {@code application/json} (Okta's SPEC test). */
	public static boolean isAcceptedBody(MediaType type) {
		return type.isCompatibleWith(SCIM_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON);
	}

}
