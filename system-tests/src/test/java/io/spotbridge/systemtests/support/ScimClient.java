package io.spotbridge.systemtests.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/** Okta's side of the conversation: SCIM 2.0 calls as Okta makes them, with the tenant's bearer token. */
public final class ScimClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCIM_JSON = "application/scim+json";

	private final String baseUrl;

	private final String token;

	public ScimClient(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** POST /Users for an active user with that email as userName and a role; answers the new id. */
	public String createUser(String email, String givenName, String familyName, String role) {
		String body = """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
				 "userName":"%1$s","name":{"givenName":"%2$s","familyName":"%3$s"},
				 "emails":[{"value":"%1$s","primary":true,"type":"work"}],
				 "roles":[{"value":"%4$s","primary":true}],"active":true}
				""".formatted(email, givenName, familyName, role);
		return idOf(expect(201, request("/Users").POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	/** PATCH /Users/{id} replacing {@code active}, as Okta deactivates and reactivates. */
	public void setActive(String id, boolean active) {
		String body = """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":%s}}]}
				""".formatted(active);
		expect(200, request("/Users/" + id).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	/** POST /Groups with members; answers the new id. */
	public String createGroup(String displayName, List<String> memberIds) {
		String members = memberIds.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
		String body = """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}
				""".formatted(displayName, members);
		return idOf(expect(201, request("/Groups").POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	/** GET /Users?filter=userName eq "…" (Okta's lookup before it creates a user); answers the status. */
	public int findByUserName(String userName) {
		String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
		return Http.send(request("/Users?filter=" + filter).GET()).status();
	}

	/** GET on a path under the SCIM base; answers the status. */
	public int get(String path) {
		return Http.send(request(path).GET()).status();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", SCIM_JSON)
			.header("Accept", SCIM_JSON);
	}

	/**
	 * Sends the request and expects the status; like Okta, sends it again (up to 3 times) when the ingress answers 503
	 * or does not answer in time (a create whose first answer was lost then fails with 409, showing that answer).
	 */
	private static Http.Answer expect(int status, HttpRequest.Builder request) {
		Http.Answer answer = Http.send(request);
		for (int retry = 1; retry <= 3 && (answer.status() == 503 || answer.status() == -1); retry++) {
			System.out.println("SCIM " + request.build().method() + " " + request.build().uri() + " answered "
					+ answer.status() + " (" + answer.body() + "); retry " + retry);
			answer = Http.send(request);
		}
		if (answer.status() != status) {
			throw new IllegalStateException(
					"Expected " + status + " but got " + answer.status() + ": " + answer.body());
		}
		return answer;
	}

	private static String idOf(Http.Answer answer) {
		return JSON.readTree(answer.body()).path("id").asString("");
	}

}
