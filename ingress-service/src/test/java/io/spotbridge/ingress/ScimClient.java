package io.spotbridge.ingress;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A SCIM client speaking as Okta does (headers, media types) against a running ingress. */
public final class ScimClient {

	private final WebTestClient client;

	private ScimClient(WebTestClient client) {
		this.client = client;
	}

	public static ScimClient of(int port, String token) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/scim/v2")
			.responseTimeout(Duration.ofSeconds(20))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.defaultHeader(HttpHeaders.ACCEPT, "application/scim+json")
			.defaultHeader(HttpHeaders.USER_AGENT, "Okta SCIM Client 1.0.0")
			.build();
		return new ScimClient(client);
	}

	public WebTestClient http() {
		return client;
	}

	public WebTestClient.ResponseSpec get(String path) {
		return client.get().uri(path).exchange();
	}

	public WebTestClient.ResponseSpec post(String path, String json) {
		return client.post().uri(path)
			.contentType(MediaType.parseMediaType("application/scim+json; charset=utf-8")).bodyValue(json).exchange();
	}

	public WebTestClient.ResponseSpec put(String path, String json) {
		return client.put().uri(path)
			.contentType(MediaType.parseMediaType("application/scim+json; charset=utf-8")).bodyValue(json).exchange();
	}

	public WebTestClient.ResponseSpec patch(String path, String json) {
		return client.patch().uri(path)
			.contentType(MediaType.parseMediaType("application/scim+json; charset=utf-8")).bodyValue(json).exchange();
	}

	public WebTestClient.ResponseSpec delete(String path) {
		return client.delete().uri(path).exchange();
	}

	/** Okta's create body for a user. */
	public static String oktaUser(String userName, String given, String family) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "name":{"givenName":"%s","familyName":"%s"},
				 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"%s %s","locale":"en-US",
				 "externalId":"00u%s","groups":[],"password":"1mz050nq","active":true}"""
			.formatted(userName, given, family, userName.toLowerCase(), given, family,
					Integer.toHexString(userName.hashCode()));
	}

	public String createUser(String userName) {
		return post("/Users", oktaUser(userName, "Test", "User")).expectStatus().isCreated()
			.expectBody().returnResult().getResponseBody() == null ? null : idOfLast(userName);
	}

	private String idOfLast(String userName) {
		byte[] body = get("/Users?filter=userName eq \"" + userName + "\"").expectStatus().isOk().expectBody()
			.returnResult().getResponseBody();
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("Resources").path(0)
			.path("id").asString();
	}

}
