package io.spotbridge.ingress;

import io.spotbridge.ingress.directory.EarlyDirectoryLoad;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngressApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(IngressApplication.class);
		// the directory rebuild starts as soon as the configuration is read, not when its bean is created
		application.addListeners(new EarlyDirectoryLoad());
		application.run(args);
	}

}
