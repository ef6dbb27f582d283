package io.spotbridge.simulator.organization;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every organization the simulator knows, one per distinct API token, created on first use. */
public class Organizations {

    private static final long FIRST_ORGANIZATION_ID = 606079860001L;

    private final Clock clock;

    private final AtomicLong nextId = new AtomicLong(FIRST_ORGANIZATION_ID);

    private final ConcurrentMap<String, Organization> byToken = new ConcurrentHashMap<>();

    public Organizations(Clock clock) {
        this.clock = clock;
    }

    /** The token's organization; the same instance for the same token until {@link #clear()}. */
    public Organization forToken(String token) {
        return this.byToken.computeIfAbsent(token, (key) -> Organization.create(this.nextId.getAndIncrement(), this.clock));
    }

    /** Forgets every organization; tokens used afterwards get new, empty ones. */
    public void clear() {
        this.byToken.clear();
    }

}
