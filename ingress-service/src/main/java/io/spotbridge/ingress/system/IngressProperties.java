package io.spotbridge.ingress.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.spotbridge.model.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingress.
 *
 * @param spotToken    single-tenant shortcut: the Spot permanent API token Okta is given (env {@code SPOT_TOKEN}); it
 *                     authenticates tenant {@code default}
 * @param tenants      tenant name -> the SHA-256 hashes (hex) of the tokens it accepts (two at once during rotation)
 * @param rateLimit    per-tenant request limit
 * @param writeTimeout how long a write may wait for Kafka before it is answered 503
 * @param retryAfter   the {@code Retry-After} sent with 503 answers
 * @param maxBodySize  larger request bodies are answered 413
 * @param topics       topic names and their layout
 */
@ConfigurationProperties("bridge")
public record IngressProperties(@DefaultValue("") String spotToken, Map<String, Tenant> tenants,
		@DefaultValue RateLimit rateLimit, @DefaultValue("5s") Duration writeTimeout,
		@DefaultValue("5s") Duration retryAfter, @DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue TopicLayout topics) {

	public IngressProperties {
		tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
	}

	/** @param tokenSha256 hex SHA-256 hashes of the bearer tokens this tenant accepts */
	public record Tenant(List<String> tokenSha256, Integer requestsPerSecond) {

		public Tenant {
			tokenSha256 = tokenSha256 == null ? List.of() : List.copyOf(tokenSha256);
		}

	}

	/** @param requestsPerSecond default per-tenant SCIM request rate; 0 disables the limit */
	public record RateLimit(@DefaultValue("200") int requestsPerSecond) {
	}

	public record TopicLayout(@DefaultValue(Topics.USER_EVENTS) String userEvents,
			@DefaultValue(Topics.GROUP_EVENTS) String groupEvents, @DefaultValue("6") int partitions,
			@DefaultValue("1") short replicationFactor, @DefaultValue("7d") Duration minCompactionLag) {
	}

}
