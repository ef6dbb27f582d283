package io.spotbridge.simulator.organization;

import java.time.Instant;

public record Account(String accountId, long organizationId, String name, String providerExternalId,
        Instant createdAt) {
}
