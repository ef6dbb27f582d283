package io.spotbridge.worker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator seen from outside, over real HTTP: Spot's own routes as a token, and the fault routes. */
public final class SpotApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	SpotApi(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static SpotApi at(String baseUrl) {
		return new SpotApi(baseUrl);
	}

	/** {@code GET /setup/organization/user} items. */
	public List<JsonNode> users(String token) {
		JsonNode body = send("GET", "/setup/organization/user", token, null, 200);
		List<JsonNode> users = new ArrayList<>();
		body.path("response").path("items").forEach(users::add);
		return users;
	}

	public List<JsonNode> usersWithEmail(String token, String email) {
		return users(token).stream().filter(user -> user.path("email").asString("").equalsIgnoreCase(email)).toList();
	}

	/** {@code GET /setup/user/{id}}'s item, empty on 404. */
	public Optional<JsonNode> user(String token, String userId) {
		HttpResponse<String> response = raw("GET", "/setup/user/" + userId, token, null);
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		check(response, 200);
		return Optional.of(parse(response.body()).path("response").path("items").path(0));
	}

	/** The policy ids of the one user with the email, as {@code GET /setup/user/{id}} shows them. */
	public Optional<SpotUserView> userByEmail(String token, String email) {
		List<JsonNode> matches = usersWithEmail(token, email);
		if (matches.isEmpty()) {
			return Optional.empty();
		}
		String id = matches.get(0).path("userId").asString();
		return user(token, id).map(item -> {
			List<String> policies = new ArrayList<>();
			List<List<String>> accounts = new ArrayList<>();
			item.path("policies").forEach(policy -> {
				policies.add(policy.path("policyId").asString());
				List<String> ids = new ArrayList<>();
				policy.path("accountIds").forEach(account -> ids.add(account.asString()));
				accounts.add(ids);
			});
			return new SpotUserView(id, item.path("email").asString(), policies, accounts, matches.size());
		});
	}

	public String createUser(String token, String email) {
		JsonNode created = send("POST", "/setup/user?generateToken=false", token, Map.of("email", email, "firstName",
				"Pre", "lastName", "Existing", "password", "Secret-123!", "role", "viewer"), 200);
		return created.path("response").path("items").path(0).path("userId").asString();
	}

	public void faults(Map<String, Object> faults) {
		send("POST", "/simulator/faults", null, faults, 200);
	}

	public void clearFaults() {
		send("DELETE", "/simulator/faults", null, null, 200);
	}

	public JsonNode stats() {
		return send("GET", "/simulator/stats", null, null, 200);
	}

	/** How many answers with the status the simulator has counted, over all routes. */
	public long answered(int status) {
		long count = 0;
		for (JsonNode route : stats().path("requests")) {
			count += route.path(Integer.toString(status)).asLong(0);
		}
		return count;
	}

	/** {@code GET /setup/access/userGroup}: the organization's user groups. */
	public List<SpotGroupView> groups(String token) {
		JsonNode body = send("GET", "/setup/access/userGroup", token, null, 200);
		List<SpotGroupView> groups = new ArrayList<>();
		body.path("response").path("items").forEach(item -> {
			List<String> members = new ArrayList<>();
			item.path("userIds").forEach(id -> members.add(id.asString()));
			List<String> policies = new ArrayList<>();
			item.path("policies").forEach(policy -> policies.add(policy.path("policyId").asString()));
			groups.add(new SpotGroupView(item.path("id").asString(), item.path("name").asString(),
					java.util.Set.copyOf(members), policies));
		});
		return groups;
	}

	/** The user group of that name (Spot's names are unique ignoring case), if there is one. */
	public Optional<SpotGroupView> groupNamed(String token, String name) {
		return groups(token).stream().filter(group -> group.name().equalsIgnoreCase(name)).findFirst();
	}

	/** {@code POST /setup/access/userGroup} as an admin would in Spot's console; answers the group id. */
	public String createGroup(String token, String name) {
		JsonNode body = send("POST", "/setup/access/userGroup", token,
				java.util.Map.of("userGroup", java.util.Map.of("name", name)), 200);
		return body.path("response").path("items").path(0).path("id").asString();
	}

	/** {@code DELETE /setup/access/userGroup/{id}} as an admin would in Spot's console. */
	public void deleteGroup(String token, String groupId) {
		send("DELETE", "/setup/access/userGroup/" + groupId, token, null, 200);
	}

	/** The Spot user ids of these emails (only the users that exist). */
	public java.util.Set<String> userIdsOf(String token, String... emails) {
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (String email : emails) {
			userByEmail(token, email).ifPresent(user -> ids.add(user.userId()));
		}
		return ids;
	}

	/** A view of one Spot user group: its id, name, member user ids and policy ids. */
	public record SpotGroupView(String id, String name, java.util.Set<String> userIds, List<String> policyIds) {
	}

	/** A view of one Spot user: its id, email, policy ids and their account ids, and how many users share the email. */
	public record SpotUserView(String userId, String email, List<String> policyIds, List<List<String>> accountIds,
			int withSameEmail) {
	}

	private JsonNode send(String method, String path, String token, Object body, int expected) {
		HttpResponse<String> response = raw(method, path, token, body);
		check(response, expected);
		return parse(response.body());
	}

	private HttpResponse<String> raw(String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void check(HttpResponse<String> response, int expected) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
	}

	private static JsonNode parse(String body) {
		return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
	}

}
