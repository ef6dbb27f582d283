package io.spotbridge.ingress.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Bounds request bodies read into memory by the configured maximum (larger ones are answered 413). */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebFluxConfigurer {

	private final IngressProperties properties;

	WebConfig(IngressProperties properties) {
		this.properties = properties;
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
	}

}
