package io.spotbridge.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.spotbridge.model.EventCodec;
import io.spotbridge.model.ScimAttributes;
import io.spotbridge.model.UserCreated;
import io.spotbridge.model.UserSnapshot;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users as Okta provisions them: the POST /Users body Okta sends (Okta's documented create request: schemas, userName,
 * name, a primary work email, displayName, locale, externalId, empty groups, a password, active), and the
 * {@code UserCreated} event
 * the ingress publishes for it — built the same way (attributes as sent, minus the password), so records put straight
 * on the topic are what the ingress itself would have written.
 */
final class UserFixtures {

	static final String TENANT = "default";

	private static final String[] GIVEN = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
			"Ken", "Margaret", "Dennis", "Radia", "Tim" };

	private static final String[] FAMILY = { "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee" };

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EventCodec codec = new EventCodec();

	private final String runTag;

	/** @param runTag makes the userNames of this run unique (e.g. a few characters of a timestamp) */
	UserFixtures(String runTag) {
		this.runTag = runTag;
	}

	/** The userName of the n-th user of a kind ("pre" for pre-loaded, "scim" for created through the API). */
	String userName(String kind, long n) {
		return kind + n + "." + runTag + "@example.com";
	}

	/** Okta's POST /Users body for the user with this userName. */
	byte[] oktaCreateBody(String userName, long n) {
		return MAPPER.writeValueAsBytes(oktaCreateNode(userName, n));
	}

	/** The JSON record value of the UserCreated event the ingress would publish for this user. */
	byte[] userCreatedEvent(String id, String userName, long n, Instant at) {
		ObjectNode body = oktaCreateNode(userName, n);
		String given = GIVEN[(int) (n % GIVEN.length)];
		String family = FAMILY[(int) ((n / GIVEN.length) % FAMILY.length)];
		UserSnapshot user = new UserSnapshot(id, userName, externalId(n), given, family, given + " " + family,
				userName, true, null, ScimAttributes.of(body), at, at);
		return codec.encode(new UserCreated(UUID.randomUUID().toString(), TENANT, 1, at,
				UUID.randomUUID().toString(), user));
	}

	/** The record key the ingress uses: {@code <tenant>/<id>}. */
	static String key(String id) {
		return TENANT + "/" + id;
	}

	/** A SCIM id as the ingress makes them: a UUID version 7 (time-ordered). */
	static String newId() {
		long millis = System.currentTimeMillis();
		long msb = (millis << 16) | 0x7000L | RANDOM.nextInt(1 << 12);
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb).toString();
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private ObjectNode oktaCreateNode(String userName, long n) {
		String given = GIVEN[(int) (n % GIVEN.length)];
		String family = FAMILY[(int) ((n / GIVEN.length) % FAMILY.length)];
		ObjectNode body = MAPPER.createObjectNode();
		body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
		body.put("userName", userName);
		ObjectNode name = body.putObject("name");
		name.put("givenName", given);
		name.put("familyName", family);
		ObjectNode email = body.putArray("emails").addObject();
		email.put("primary", true);
		email.put("value", userName);
		email.put("type", "work");
		body.put("displayName", given + " " + family);
		body.put("locale", "en-US");
		body.put("externalId", externalId(n));
		body.putArray("groups");
		body.put("password", "Pw-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "!aA1");
		body.put("active", true);
		return body;
	}

	private static String externalId(long n) {
		return "00u" + String.format(Locale.ROOT, "%017x", n).substring(0, 17);
	}

}
