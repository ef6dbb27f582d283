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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

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

	private static final int MAX_CACHED_POLICY_BODIES = 256;

	private static final Map<List<PolicyGrant>, byte[]> POLICY_BODIES = new java.util.concurrent.ConcurrentHashMap<>();

	private static final String JSON = "application/json";

	private final String tenant;

	/** Reactor Netty's client with the tenant's default headers (token, Accept); shares the pool of all tenants. */
	private final HttpClient http;

	/** The tenant's base URL joined with each URI template, expanded once into literal parts. */
	private final Map<String, SpotUri> uris = new java.util.concurrent.ConcurrentHashMap<>();

	private final String baseUrl;

	private final TenantGuard guard;

	private final SpotCallMetrics metrics;

	private final Duration timeout;

	SpotClient(String tenant, HttpClient http, String baseUrl, TenantGuard guard, SpotCallMetrics metrics,
			Duration timeout) {
		this.tenant = tenant;
		this.http = http;
		this.baseUrl = baseUrl;
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
		byte[] body = json(json -> {
			json.writeStartObject();
			json.writeStringProperty("email", user.email());
			json.writeStringProperty("firstName", user.firstName());
			json.writeStringProperty("lastName", user.lastName());
			json.writeStringProperty("password", user.password());
			json.writeStringProperty("role", user.role());
			json.writeEndObject();
		});
		return call(CREATE_USER, HttpMethod.POST, "/setup/user?generateToken=false", body).map(response -> {
			String userId = firstItem(response, CREATE_USER).path("userId").asString("");
			if (userId.isEmpty()) {
				throw new TransientSpotException(CREATE_USER, 200, "Spot's answer to " + CREATE_USER + " has no userId");
			}
			return userId;
		});
	}

	/** {@code DELETE /setup/user/{userId}}; a user that is already gone counts as deleted. */
	public Mono<Void> deleteUser(String userId) {
		return send(DELETE_USER, HttpMethod.DELETE, "/setup/user/{userId}", NO_BODY, userId)
			.onErrorResume(SpotNotFoundException.class, gone -> Mono.empty())
			.then();
	}

	/** {@code PUT /setup/user/{userId}/policyMapping}: the user's policies become exactly these. */
	public Mono<Void> mapPolicies(String userId, List<PolicyGrant> policies) {
		return send(MAP_POLICIES, HttpMethod.PUT, "/setup/user/{userId}/policyMapping", policiesBody(policies), userId)
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
		return send(UPDATE_GROUP, HttpMethod.PUT, GROUP_URI, json(Map.of("userGroup", Map.of("name", name))), groupId)
			.then();
	}

	/** {@code DELETE /setup/access/userGroup/{id}}; a group that is already gone counts as deleted. */
	public Mono<Void> deleteGroup(String groupId) {
		return send(DELETE_GROUP, HttpMethod.DELETE, GROUP_URI, NO_BODY, groupId)
			.onErrorResume(SpotNotFoundException.class, gone -> Mono.empty())
			.then();
	}

	/** {@code PUT /setup/access/userGroup/{id}/userMapping}: the group's members become exactly these users. */
	public Mono<Void> mapGroupUsers(String groupId, List<String> userIds) {
		return send(MAP_GROUP_USERS, HttpMethod.PUT, GROUP_URI + "/userMapping", json(Map.of("userIds", userIds)),
				groupId)
			.then();
	}

	/** {@code PUT /setup/access/userGroup/{id}/policyMapping}: the group's policies become exactly these. */
	public Mono<Void> mapGroupPolicies(String groupId, List<PolicyGrant> policies) {
		return send(MAP_GROUP_POLICIES, HttpMethod.PUT, GROUP_URI + "/policyMapping", policiesBody(policies), groupId)
			.then();
	}

	/**
	 * {@code {"policies":[{"policyId":..,"accountIds":[..]},..]}}; the same few lists (one per role or group mapping)
	 * come again and again, so their bytes are kept (never changed once made).
	 */
	private static byte[] policiesBody(List<PolicyGrant> policies) {
		byte[] cached = POLICY_BODIES.get(policies);
		if (cached != null) {
			return cached;
		}
		byte[] body = json(json -> {
			json.writeStartObject();
			json.writeArrayPropertyStart("policies");
			for (PolicyGrant grant : policies) {
				json.writeStartObject();
				json.writeStringProperty("policyId", grant.policyId());
				json.writeArrayPropertyStart("accountIds");
				for (String account : grant.accountIds()) {
					json.writeString(account);
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		});
		if (POLICY_BODIES.size() < MAX_CACHED_POLICY_BODIES) {
			POLICY_BODIES.putIfAbsent(List.copyOf(policies), body);
		}
		return body;
	}

	/**
	 * {@code GET /setup/account}: a cheap call that only tells whether Spot accepts the token (used to probe a tenant
	 * whose token was rejected, so that it recovers without waiting for an event).
	 */
	public Mono<Void> probe() {
		return send(LIST_ACCOUNTS, HttpMethod.GET, "/setup/account", NO_BODY).then();
	}

	private Mono<JsonNode> call(String route, HttpMethod method, String uri, byte[] body, Object... variables) {
		return guard.run(route, () -> exchange(route, method, uri, body, true, variables));
	}

	/**
	 * A call whose answer is not used: it must still be JSON (else the call failed transiently, as with {@link #call}),
	 * which is checked without building its tree. Answers {@link MissingNode}.
	 */
	private Mono<JsonNode> send(String route, HttpMethod method, String uri, byte[] body, Object... variables) {
		return guard.run(route, () -> exchange(route, method, uri, body, false, variables));
	}

	private Mono<JsonNode> exchange(String route, HttpMethod method, String uri, byte[] body, boolean readAnswer,
			Object... variables) {
		long started = System.nanoTime();
		String target = uris.computeIfAbsent(uri, template -> SpotUri.of(baseUrl, template)).expand(variables);
		return Mono.deferContextual(context -> {
			String correlationId = context.<String>getOrDefault(CORRELATION_ID, null);
			return http.request(method).uri(target).send((request, outbound) -> {
				if (correlationId != null && !correlationId.isEmpty()) {
					request.header(CORRELATION_HEADER, correlationId);
				}
				if (body.length == 0) {
					return outbound;
				}
				request.header(HttpHeaderNames.CONTENT_TYPE, JSON);
				request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
				return outbound.sendByteArray(Mono.just(body));
			}).responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(NO_BODY).map(bytes -> read(response, bytes)));
		})
			.timeout(timeout, CallDeadlines.INSTANCE)
			.onErrorMap(error -> !(error instanceof SpotException), error -> SpotErrors.fromTransport(route, error))
			.doOnError(error -> metrics.record(tenant, route, statusTag(error), System.nanoTime() - started))
			.map(reply -> {
				metrics.record(tenant, route, Integer.toString(reply.status()), System.nanoTime() - started);
				guard.observe(route, reply);
				if (!reply.isSuccess()) {
					throw SpotErrors.fromReply(tenant, route, reply);
				}
				if (readAnswer) {
					return responseOf(route, reply);
				}
				checkJson(route, reply);
				return MissingNode.getInstance();
			});
	}

	private static SpotReply read(HttpClientResponse response, byte[] body) {
		HttpHeaders headers = response.responseHeaders();
		return new SpotReply(response.status().code(), header(headers, "X-RateLimit-Remaining"),
				header(headers, "X-RateLimit-Reset"), body);
	}

	private static JsonNode responseOf(String route, SpotReply reply) {
		try {
			return MAPPER.readTree(reply.body()).path("response");
		}
		catch (JacksonException ex) {
			throw new TransientSpotException(route, reply.status(), "Spot's answer to " + route + " is not JSON");
		}
	}

	/** Fails as {@link #responseOf} would on an answer that is not JSON, without building its tree. */
	private static void checkJson(String route, SpotReply reply) {
		try (JsonParser parser = MAPPER.createParser(reply.body())) {
			if (parser.nextToken() == null) {
				return;
			}
			parser.skipChildren();
			if (MAPPER.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) && parser.nextToken() != null) {
				throw new TransientSpotException(route, reply.status(), "Spot's answer to " + route + " is not JSON");
			}
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

	private static byte[] json(java.util.function.Consumer<JsonGenerator> writer) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
		try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
			writer.accept(json);
		}
		return bytes.toByteArray();
	}

	private static OptionalLong header(HttpHeaders headers, String name) {
		String value = headers.get(name);
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
