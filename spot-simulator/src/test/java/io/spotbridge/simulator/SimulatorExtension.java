package io.spotbridge.simulator;

import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * An embedded simulator, reset before each test. Register as
 * {@code @RegisterExtension static final SimulatorExtension spot = new SimulatorExtension();}. Test classes share one
 * simulator (closed when the run ends) unless they bring their own clock, which gets them a simulator of their own.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(SimulatorExtension.class);

    private final Optional<MutableClock> clock;

    private SpotSimulator simulator;

    public SimulatorExtension() {
        this.clock = Optional.empty();
    }

    public SimulatorExtension(MutableClock clock) {
        this.clock = Optional.of(clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        this.simulator = this.clock.map((own) -> SpotSimulator.start(0, own))
            .orElseGet(() -> context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("shared", (key) -> SpotSimulator.start(0), SpotSimulator.class));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        this.simulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (this.clock.isPresent()) {
            this.simulator.close();
        }
    }

    /** A client sending {@code Authorization: Bearer <token>}; each token is its own organization. */
    public SpotClient as(String token) {
        return new SpotClient(this.simulator.baseUrl(), Optional.of(token));
    }

    /** A client sending no token, for {@code /simulator/**} and for testing auth. */
    public SpotClient anonymous() {
        return new SpotClient(this.simulator.baseUrl(), Optional.empty());
    }

    public SpotSimulator simulator() {
        return this.simulator;
    }

}
