package io.spotbridge.simulator.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Spot organization: its users, user groups, policies and accounts. Starts with the {@link BuiltInPolicies} and
 * three accounts. Thread-safe; each operation sees and leaves a consistent state.
 */
public final class Organization {

    private static final List<String> SEEDED_ACCOUNT_NAMES = List.of("Production", "Staging", "Development");

    private final Directory directory;

    private final OrganizationUsers users;

    private final OrganizationGroups groups;

    private final OrganizationPolicies policies;

    private Organization(Directory directory) {
        this.directory = directory;
        this.users = new OrganizationUsers(directory);
        this.groups = new OrganizationGroups(directory);
        this.policies = new OrganizationPolicies(directory);
    }

    static Organization create(long organizationId, Clock clock) {
        Directory directory = new Directory(organizationId, clock);
        Instant now = directory.now();
        BuiltInPolicies.all(now).forEach((policy) -> directory.policies.put(policy.id(), policy));
        for (String name : SEEDED_ACCOUNT_NAMES) {
            String providerExternalId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
            Account account = new Account(directory.newId("act-", directory.accounts), organizationId, name,
                    providerExternalId, now);
            directory.accounts.put(account.accountId(), account);
        }
        return new Organization(directory);
    }

    public long id() {
        return this.directory.organizationId;
    }

    public OrganizationUsers users() {
        return this.users;
    }

    public OrganizationGroups groups() {
        return this.groups;
    }

    public OrganizationPolicies policies() {
        return this.policies;
    }

    public List<Account> accounts() {
        synchronized (this.directory) {
            return List.copyOf(this.directory.accounts.values());
        }
    }

}
