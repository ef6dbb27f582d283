package io.spotbridge.worker.spot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.spotbridge.worker.tenants.PolicyGrant;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spot's organization user and user-group API for one tenant (its token and base URL), non-blocking. Every call passes the tenant's
 * {@link TenantGuard}; failures arrive as the {@link SpotException} subclasses {@link SpotErrors} classifies them into.
 */
public class SpotClient {

	/** Reactor context key of the correlation id of the event being applied; sent to Spot as {@link #CORRELATION_HEADER}. */
	public static final String CORRELATION_ID = "bridge.correlationId";

	public static final String CORRELATION_HEADER = "X-Correlation-Id";

	public static final String CREATE_USER = "POST /setup/user";

	public static final String LIST_USERS = "GET /setup/organization/user";

	public static final String GET_USER = "GET /setup/user/{userId}";

	public static final String DELETE_USER = "DELETE /setup/user/{userId}";

	public static final String MAP_POLICIES = "PUT /setup/user/{userId}/policyMapping";

	public static final String LIST_ACCOUNTS = "GET /setup/account";

	public static final String LIST_GROUPS = "GET /setup/access/userGroup";

	public static final String CREATE_GROUP = "POST /setup/access/userGroup";

	public static final String GET_GROUP = "GET /setup/access/userGroup/{userGroupId}";

	public static final String UPDATE_GROUP = "PUT /setup/access/userGroup/{userGroupId}";

	public static final String DELETE_GROUP = "DELETE /setup/access/userGroup/{userGroupId}";

	public static final String MAP_GROUP_USERS = "PUT /setup/access/userGroup/{userGroupId}/userMapping";

	public static final String MAP_GROUP_POLICIES = "PUT /setup/access/userGroup/{userGroupId}/policyMapping";

	public static final List<String> ROUTES = List.of(CREATE_USER, LIST_USERS, GET_USER, DELETE_USER, MAP_POLICIES,
			LIST_ACCOUNTS, LIST_GROUPS, CREATE_GROUP, GET_GROUP, UPDATE_GROUP, DELETE_GROUP, MAP_GROUP_USERS,
			MAP_GROUP_POLICIES);

	private static final String GROUP_URI = "/setup/access/userGroup/{userGroupId}";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final byte[] NO_BODY = new byte[0];

	private final String tenant;

	private final WebClient web;

	private final TenantGuard guard;

	private final SpotCallMetrics metrics;

	private final Duration timeout;

	SpotClient(String tenant, WebClient web, TenantGuard guard, SpotCallMetrics metrics, Duration timeout) {
		this.tenant = tenant;
		this.web = web;
		this.guard = guard;
		this.metrics = metrics;
		this.timeout = timeout;
	}

	public String tenant() {
		return tenant;
	}

	public TenantGuard guard() {
		return guard;
	}

	/** {@code GET /setup/user/{userId}}; fails with {@link SpotNotFoundException} when the user is gone. */
	public Mono<SpotUser> getUser(String userId) {
		return call(GET_USER, HttpMethod.GET, "/setup/user/{userId}", NO_BODY, userId)
			.map(response -> parseUser(firstItem(response, GET_USER)));
	}

	/** {@code GET /setup/organization/user}: every user of the organization (Spot does not paginate it). */
	public Mono<List<OrgUser>> listUsers() {
		return call(LIST_USERS, HttpMethod.GET, "/setup/organization/user", NO_BODY).map(response -> {
			List<OrgUser> users = new ArrayList<>();
			response.path("items").forEach(item -> users.add(new OrgUser(item.path("userId").asString(""),
					item.path("email").asString(""), item.path("type").asString("personal"))));
			return users;
		});
	}

	/** {@code POST /setup/user?generateToken=false}; answers the new user's id. */
	public Mono<String> createUser(NewSpotUser user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", user.email());
		body.put("firstName", user.firstName());
		body.put("lastName", user.lastName());
		body.put("password", user.password());
		body.put("role", user.role());
		return call(CREATE_USER, HttpMethod.POST, "/setup/user?generateToken=false", json(body)).map(response -> {
			String userId = firstItem(response, CREATE_USER).path("userId").asString("");
			if (userId.isEmpty()) {
				throw new TransientSpotException(CREATE_USER, 200, "Spot's answer to " + CREATE_USER + " has no userId");
			}
			return userId;
		});
	}

	/** {@code DELETE /setup/user/{userId}}; a user that is already gone counts as deleted. */
	public Mono<Void> deleteUser(String userId) {
		return call(DELETE_USER, HttpMethod.DELETE, "/setup/user/{userId}", NO_BODY, userId)
			.onErrorResume(SpotNotFoundException.class, gone -> Mono.empty())
			.then();
	}

	/** {@code PUT /setup/user/{userId}/policyMapping}: the user's policies become exactly these. */
	public Mono<Void> mapPolicies(String userId, List<PolicyGrant> policies) {
		return call(MAP_POLICIES, HttpMethod.PUT, "/setup/user/{userId}/policyMapping", policiesBody(policies), userId)
			.then();
	}

	/** {@code GET /setup/access/userGroup}: every user group of the organization. */
	public Mono<List<SpotGroup>> listGroups() {
		return call(LIST_GROUPS, HttpMethod.GET, "/setup/access/userGroup", NO_BODY).map(response -> {
			List<SpotGroup> groups = new ArrayList<>();
			response.path("items").forEach(item -> groups.add(parseGroup(item)));
			return groups;
		});
	}

	/** {@code GET /setup/access/userGroup/{id}}; fails with {@link SpotNotFoundException} when the group is gone. */
	public Mono<SpotGroup> getGroup(String groupId) {
		return call(GET_GROUP, HttpMethod.GET, GROUP_URI, NO_BODY, groupId)
			.map(response -> parseGroup(firstItem(response, GET_GROUP)));
	}

	/** {@code POST /setup/access/userGroup} without members or policies; answers the new group's id. */
	public Mono<String> createGroup(String name, String description) {
		Map<String, Object> group = new LinkedHashMap<>();
		group.put("name", name);
		group.put("description", description);
		return call(CREATE_GROUP, HttpMethod.POST, "/setup/access/userGroup", json(Map.of("userGroup", group)))
			.map(response -> {
				String id = firstItem(response, CREATE_GROUP).path("id").asString("");
				if (id.isEmpty()) {
					throw new TransientSpotException(CREATE_GROUP, 200, "Spot's answer to " + CREATE_GROUP + " has no id");
				}
				return id;
			});
	}

	/** {@code PUT /setup/access/userGroup/{id}} with only the name: renames the group. */
	public Mono<Void> renameGroup(String groupId, String name) {
		return call(UPDATE_GROUP, HttpMethod.PUT, GROUP_URI, json(Map.of("userGroup", Map.of("name", name))), groupId)
			.then();
	}

	/** {@code DELETE /setup/access/userGroup/{id}}; a group that is already gone counts as deleted. */
	public Mono<Void> deleteGroup(String groupId) {
		return call(DELETE_GROUP, HttpMethod.DELETE, GROUP_URI, NO_BODY, groupId)
			.onErrorResume(SpotNotFoundException.class, gone -> Mono.empty())
			.then();
	}

	/** {@code PUT /setup/access/userGroup/{id}/userMapping}: the group's members become exactly these users. */
	public Mono<Void> mapGroupUsers(String groupId, List<String> userIds) {
		return call(MAP_GROUP_USERS, HttpMethod.PUT, GROUP_URI + "/userMapping", json(Map.of("userIds", userIds)),
				groupId)
			.then();
	}

	/** {@code PUT /setup/access/userGroup/{id}/policyMapping}: the group's policies become exactly these. */
	public Mono<Void> mapGroupPolicies(String groupId, List<PolicyGrant> policies) {
		return call(MAP_GROUP_POLICIES, HttpMethod.PUT, GROUP_URI + "/policyMapping", policiesBody(policies), groupId)
			.then();
	}

	private static byte[] policiesBody(List<PolicyGrant> policies) {
		List<Map<String, Object>> grants = policies.stream()
			.map(grant -> Map.<String, Object>of("policyId", grant.policyId(), "accountIds", grant.accountIds()))
			.toList();
		return json(Map.of("policies", grants));
	}

	/**
	 * {@code GET /setup/account}: a cheap call that only tells whether Spot accepts the token (used to probe a tenant
	 * whose token was rejected, so that it recovers without waiting for an event).
	 */
	public Mono<Void> probe() {
		return call(LIST_ACCOUNTS, HttpMethod.GET, "/setup/account", NO_BODY).then();
	}

	private Mono<JsonNode> call(String route, HttpMethod method, String uri, byte[] body, Object... variables) {
		return guard.run(route, () -> exchange(route, method, uri, body, variables));
	}

	private Mono<JsonNode> exchange(String route, HttpMethod method, String uri, byte[] body, Object... variables) {
		long started = System.nanoTime();
		return Mono.deferContextual(context -> {
			WebClient.RequestBodySpec request = web.method(method).uri(uri, variables);
			context.<String>getOrEmpty(CORRELATION_ID)
				.filter(id -> !id.isEmpty())
				.ifPresent(id -> request.header(CORRELATION_HEADER, id));
			WebClient.RequestHeadersSpec<?> spec = body.length == 0 ? request
					: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
			return spec.exchangeToMono(this::read);
		})
			.timeout(timeout)
			.onErrorMap(error -> !(error instanceof SpotException), error -> SpotErrors.fromTransport(route, error))
			.doOnError(error -> metrics.record(tenant, route, statusTag(error), System.nanoTime() - started))
			.map(reply -> {
				metrics.record(tenant, route, Integer.toString(reply.status()), System.nanoTime() - started);
				guard.observe(route, reply);
				if (!reply.isSuccess()) {
					throw SpotErrors.fromReply(tenant, route, reply);
				}
				return responseOf(route, reply);
			});
	}

	private Mono<SpotReply> read(ClientResponse response) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		OptionalLong remaining = header(headers, "X-RateLimit-Remaining");
		OptionalLong reset = header(headers, "X-RateLimit-Reset");
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(NO_BODY)
			.map(bytes -> new SpotReply(status, remaining, reset, bytes));
	}

	private static JsonNode responseOf(String route, SpotReply reply) {
		try {
			return MAPPER.readTree(reply.body()).path("response");
		}
		catch (JacksonException ex) {
			throw new TransientSpotException(route, reply.status(), "Spot's answer to " + route + " is not JSON");
		}
	}

	private static JsonNode firstItem(JsonNode response, String route) {
		JsonNode item = response.path("items").path(0);
		if (!item.isObject()) {
			throw new TransientSpotException(route, 200, "Spot's answer to " + route + " has no items");
		}
		return item;
	}

	private static SpotUser parseUser(JsonNode item) {
		return new SpotUser(item.path("userId").asString(""), item.path("email").asString(""), parsePolicies(item));
	}

	/** Members come as {@code userIds} or as {@code users[].userId} (Spot's read model); either is accepted. */
	private static SpotGroup parseGroup(JsonNode item) {
		List<String> members = new ArrayList<>();
		JsonNode ids = item.path("userIds");
		if (ids.isArray()) {
			ids.forEach(id -> members.add(id.asString("")));
		}
		else {
			item.path("users").forEach(user -> members.add(user.path("userId").asString("")));
		}
		members.removeIf(String::isEmpty);
		return new SpotGroup(item.path("id").asString(""), item.path("name").asString(""), members,
				parsePolicies(item));
	}

	private static List<PolicyGrant> parsePolicies(JsonNode item) {
		List<PolicyGrant> policies = new ArrayList<>();
		item.path("policies").forEach(policy -> {
			List<String> accounts = new ArrayList<>();
			policy.path("accountIds").forEach(account -> accounts.add(account.asString("")));
			String policyId = policy.path("policyId").asString("");
			if (!policyId.isEmpty()) {
				policies.add(new PolicyGrant(policyId, accounts));
			}
		});
		return policies;
	}

	private static byte[] json(Object body) {
		return MAPPER.writeValueAsBytes(body);
	}

	private static OptionalLong header(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private static String statusTag(Throwable error) {
		if (error instanceof SpotException spot && spot.status() > 0) {
			return Integer.toString(spot.status());
		}
		String message = String.valueOf(error.getMessage());
		return message.contains("timed out") ? "timeout" : "io-error";
	}

}
