package io.spotbridge.worker.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.spotbridge.worker.links.LinkWriteException;
import io.spotbridge.worker.links.LinkWriter;
import io.spotbridge.worker.links.UserLink;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * A test decoration of the worker's {@link LinkWriter}, added as an extra source of a worker (not component-scanned):
 * for chosen users the link write fails once, or never finishes (the worker "dies" between the Spot change and the
 * link write).
 */
public final class LinkWriteFaults {

	private static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

	private static final Map<String, CountDownLatch> HANG = new ConcurrentHashMap<>();

	public static void failOnce(String key) {
		FAIL_ONCE.add(key);
	}

	/** The link write of the user never completes; the latch opens when it is reached. */
	public static CountDownLatch hang(String key) {
		return HANG.computeIfAbsent(key, k -> new CountDownLatch(1));
	}

	@Bean
	static BeanPostProcessor faultyLinkWrites() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof LinkWriter writer) {
					return (LinkWriter) link -> write(writer, link);
				}
				return bean;
			}

		};
	}

	private static Mono<UserLink> write(LinkWriter writer, UserLink link) {
		String key = link.key().toString();
		if (FAIL_ONCE.remove(key)) {
			return Mono.error(new LinkWriteException(link, new IllegalStateException("injected: link write lost")));
		}
		CountDownLatch hang = HANG.get(key);
		if (hang != null) {
			hang.countDown();
			return Mono.never();
		}
		return writer.write(link);
	}

}
