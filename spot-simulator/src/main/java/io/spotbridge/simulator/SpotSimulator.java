package io.spotbridge.simulator;

import java.time.Clock;

import io.spotbridge.simulator.faults.FaultSettings;
import io.spotbridge.simulator.organization.Organizations;
import io.spotbridge.simulator.ratelimit.RateLimiter;
import io.spotbridge.simulator.stats.RequestStats;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spot API simulator running in this JVM, for tests:
 *
 * <pre>{@code
 * try (SpotSimulator spot = SpotSimulator.start(0)) {
 *     client.baseUrl(spot.baseUrl()) ...
 * }
 * }</pre>
 *
 * It listens on 127.0.0.1 only and reads no {@code application.properties} of the host.
 */
public final class SpotSimulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final int port;

    private SpotSimulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts a simulator on the given port; 0 picks a free one. Returns once it accepts requests. */
    public static SpotSimulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /**
     * Starts a simulator whose rate-limit windows, outages and timestamps follow the given clock, so that a test can
     * move time forward instead of waiting. Injected latency is real time regardless.
     */
    public static SpotSimulator start(int port, Clock clock) {
        SpringApplication application = SpotSimulatorApplication.application(clock);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        return new SpotSimulator(application.run("--server.port=" + port, "--server.address=127.0.0.1",
                "--server.shutdown=immediate", "--spring.config.name=spot-simulator"));
    }

    /** The URL to send Spot requests to, like {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + this.port;
    }

    public int port() {
        return this.port;
    }

    /** Forgets every organization and rate-limit window, and clears faults and stats, as a fresh simulator has them. */
    public void reset() {
        this.context.getBean(Organizations.class).clear();
        this.context.getBean(RateLimiter.class).reset();
        this.context.getBean(FaultSettings.class).clear();
        this.context.getBean(RequestStats.class).reset();
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        this.context.close();
    }

}
