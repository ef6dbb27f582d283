package io.spotbridge.ingress;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole ingress started in this JVM against a given broker, for tests that need more than one or control over Kafka. */
public final class RunningIngress implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningIngress(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningIngress start(String bootstrapServers, String... extraProperties) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "management.server.port=0",
				"spring.kafka.bootstrap-servers=" + bootstrapServers, "bridge.spot-token=" + IngressIT.SPOT_TOKEN,
				"bridge.tenants.acme.token-sha256[0]=" + IngressIT.ACME_TOKEN_SHA256,
				"bridge.rate-limit.requests-per-second=0"));
		properties.addAll(List.of(extraProperties));
		// command-line arguments: they win over application.yml, unlike default properties
		return new RunningIngress(new SpringApplicationBuilder(IngressApplication.class)
			.initializers(RunningIngress::ownNettyResources)
			.run(properties.stream().map(p -> "--" + p).toArray(String[]::new)));
	}

	/**
	 * By default a WebFlux app shares Reactor Netty's global event loops and disposes them when it closes — which would
	 * stop every other server and client in this test JVM. This one gets its own.
	 */
	private static void ownNettyResources(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ReactorResourceFactory factory) {
					factory.setUseGlobalResources(false);
				}
				return bean;
			}
		});
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	public int managementPort() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
	}

	public ScimClient client(String token) {
		return ScimClient.of(port(), token);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
