package io.spotbridge.simulator.faults;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/** The faults currently in force; starts with none. */
public class FaultSettings {

    private final Clock clock;

    private final AtomicReference<Faults> current = new AtomicReference<>(Faults.none());

    public FaultSettings(Clock clock) {
        this.clock = clock;
    }

    public Faults current() {
        return this.current.get();
    }

    /** Applies a {@code POST /simulator/faults} body; see {@link FaultsPatch}. */
    public Faults apply(JsonNode patch) {
        return this.current.updateAndGet((faults) -> FaultsPatch.apply(faults, patch, this.clock.instant()));
    }

    public Faults clear() {
        this.current.set(Faults.none());
        return Faults.none();
    }

}
