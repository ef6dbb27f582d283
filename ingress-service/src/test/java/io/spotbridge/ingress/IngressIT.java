package io.spotbridge.ingress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * An ingress on a random port against an in-process KRaft broker (spring-kafka-test), with two tenants: {@code acme}
 * (token {@code acme-token} or, during rotation, {@code acme-token-2}) and {@code default} via {@code SPOT_TOKEN}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0",
				"bridge.spot-token=" + IngressIT.SPOT_TOKEN,
				"bridge.tenants.acme.token-sha256[0]=" + IngressIT.ACME_TOKEN_SHA256,
				"bridge.tenants.acme.token-sha256[1]=" + IngressIT.ACME_TOKEN_2_SHA256,
				"bridge.rate-limit.requests-per-second=0",
				// generous on shared CI machines; the outage test checks the 5 s default on its own
				"bridge.write-timeout=20s" })
@EmbeddedKafka(partitions = 3)
public @interface IngressIT {

	String SPOT_TOKEN = "spot-permanent-token-0123456789";

	String ACME_TOKEN = "acme-token";

	/** sha256("acme-token") */
	String ACME_TOKEN_SHA256 = "28daa606f54b368209e11244fd3d5612b41212e822258df22e55afe06a7bdae1";

	String ACME_TOKEN_2 = "acme-token-2";

	/** sha256("acme-token-2") */
	String ACME_TOKEN_2_SHA256 = "4970d0696aa7403b2761c82dd6caaca364d6414e6f90c6753088a23fe0b86990";

}
