package io.spotbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.spotbridge.simulator.accounts.AccountRoutes;
import io.spotbridge.simulator.faults.FaultRoutes;
import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.gateway.DirectCalls;
import io.spotbridge.simulator.gateway.Routing;
import io.spotbridge.simulator.gateway.SpotGateway;
import io.spotbridge.simulator.gateway.StateRoutes;
import io.spotbridge.simulator.groups.UserGroupRoutes;
import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.policies.PolicyRoutes;
import io.spotbridge.simulator.ratelimit.RateLimiter;
import io.spotbridge.simulator.stats.RequestStats;
import io.spotbridge.simulator.stats.StatsRoutes;
import io.spotbridge.simulator.users.CreatedUserRoutes;
import io.spotbridge.simulator.users.UserDirectRoutes;
import io.spotbridge.simulator.users.UserRoutes;
import io.spotbridge.simulator.wire.Envelopes;
import io.spotbridge.simulator.wire.JsonBodies;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The Spot API simulator as a standalone Spring Boot application, listening on {@code server.address} (default
 * 127.0.0.1) and {@code server.port} (default 8090).
 * <p>
 * Nothing is component-scanned and no class carries a stereotype annotation: the plain jar sits on other modules'
 * test classpaths, where their applications' scans must not pick it up. The beans are listed here, and
 * auto-configuration is limited to the reactive web stack, so whatever else a host classpath holds (Kafka, security,
 * actuator) stays out of an embedded {@link SpotSimulator}.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        CodecsAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class })
@Import({ Envelopes.class, JsonBodies.class, Organizations.class, FaultSettings.class, RateLimiter.class,
        RequestStats.class, SpotGateway.class, Routing.class, UserRoutes.class, UserGroupRoutes.class,
        PolicyRoutes.class, AccountRoutes.class, FaultRoutes.class, StatsRoutes.class, StateRoutes.class,
        CreatedUserRoutes.class, DirectCalls.class, UserDirectRoutes.class })
public class SpotSimulatorApplication {

    public static void main(String[] args) {
        application(Clock.systemUTC()).run(args);
    }

    /**
     * Event loops of the simulator's own, not Reactor Netty's global ones: closing a context that uses the global
     * resources disposes them for every Netty server and client in the JVM, the host's included.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(Duration.ZERO);
        return resources;
    }

    static SpringApplication application(Clock clock) {
        SpringApplication application = new SpringApplication(SpotSimulatorApplication.class);
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        application.setDefaultProperties(Map.of("server.port", "8090", "server.address", "127.0.0.1"));
        application.addInitializers((context) -> context.getBeanFactory().registerSingleton("clock", clock));
        return application;
    }

}
