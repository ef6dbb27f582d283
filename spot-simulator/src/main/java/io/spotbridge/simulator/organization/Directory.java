package io.spotbridge.simulator.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/**
 * The state of one organization, with the lookups and checks its users, groups and policies share. Not thread-safe by
 * itself: callers hold its monitor ({@code synchronized (directory)}) for every read and write.
 */
final class Directory {

    final long organizationId;

    final Map<String, User> users = new LinkedHashMap<>();

    /** The users by their email in lower case (Spot compares emails ignoring case). */
    final Map<String, String> userIdsByEmail = new HashMap<>();

    /** Every user ever created, in order of creation (deletions do not remove them): {@code GET /simulator/users}. */
    final List<User> created = new ArrayList<>();

    final Map<String, UserGroup> groups = new LinkedHashMap<>();

    final Map<String, Policy> policies = new LinkedHashMap<>();

    final Map<String, Account> accounts = new LinkedHashMap<>();

    private final Clock clock;

    private int lastUserNumber;

    Directory(long organizationId, Clock clock) {
        this.organizationId = organizationId;
        this.clock = clock;
    }

    /** The current time, to the millisecond as Spot shows it. */
    Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String emailKey(String email) {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    int nextUserNumber() {
        return ++this.lastUserNumber;
    }

    /** A fresh id like {@code u-1a2b3c4d}: the prefix and eight hex digits, unused among {@code taken}. */
    String newId(String prefix, Map<String, ?> taken) {
        String id;
        do {
            String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt());
            id = prefix + "00000000".substring(hex.length()) + hex;
        }
        while (taken.containsKey(id));
        return id;
    }

    User requireUser(String userId) {
        User user = this.users.get(userId);
        if (user == null) {
            throw SpotApiException.notFound(ErrorCodes.USER_DOESNT_EXIST, "User " + userId + " does not exist");
        }
        return user;
    }

    UserGroup requireGroup(String groupId) {
        UserGroup group = this.groups.get(groupId);
        if (group == null) {
            throw SpotApiException.notFound(ErrorCodes.USER_GROUP_DOESNT_EXIST,
                    "User group " + groupId + " does not exist");
        }
        return group;
    }

    /** The given user ids, each checked to exist (400 otherwise), without duplicates. */
    List<String> existingUsers(List<String> userIds, String field) {
        for (String userId : userIds) {
            if (userId == null || !this.users.containsKey(userId)) {
                throw SpotApiException.badRequest(ErrorCodes.USER_DOESNT_EXIST, "User " + userId + " does not exist",
                        field);
            }
        }
        return userIds.stream().distinct().toList();
    }

    /** The given grants, each checked for an existing policy and existing accounts (400 otherwise); a policy given twice keeps its last grant. */
    List<PolicyGrant> validGrants(List<PolicyGrant> grants) {
        Map<String, PolicyGrant> byPolicy = new LinkedHashMap<>();
        for (PolicyGrant grant : grants) {
            if (grant.policyId() == null || !this.policies.containsKey(grant.policyId())) {
                throw SpotApiException.badRequest(ErrorCodes.POLICY_DOESNT_EXIST,
                        "Policy " + grant.policyId() + " does not exist", "policyId");
            }
            for (String accountId : grant.accountIds()) {
                if (!PolicyGrant.ALL_ACCOUNTS.equals(accountId) && !this.accounts.containsKey(accountId)) {
                    throw SpotApiException.badRequest(ErrorCodes.ACCOUNT_DOESNT_EXIST,
                            "Account " + accountId + " does not exist", "accountIds");
                }
            }
            byPolicy.remove(grant.policyId());
            byPolicy.put(grant.policyId(), grant);
        }
        return List.copyOf(byPolicy.values());
    }

    List<ResolvedGrant> resolve(List<PolicyGrant> grants) {
        return grants.stream()
            .filter((grant) -> this.policies.containsKey(grant.policyId()))
            .map((grant) -> {
                Policy policy = this.policies.get(grant.policyId());
                return new ResolvedGrant(policy.id(), policy.name(), policy.type(), grant.accountIds());
            })
            .toList();
    }

    List<UserGroup> groupsOf(String userId) {
        return this.groups.values().stream().filter((group) -> group.userIds().contains(userId)).toList();
    }

    UserDetails details(User user) {
        List<GroupRef> groupRefs = groupsOf(user.userId()).stream()
            .map((group) -> new GroupRef(group.id(), group.name(), policyNames(group.policies())))
            .toList();
        return new UserDetails(user, groupRefs, resolve(user.policies()));
    }

    GroupDetails details(UserGroup group) {
        List<User> members = group.userIds().stream().map(this.users::get).filter(Objects::nonNull).toList();
        return new GroupDetails(group, members, resolve(group.policies()));
    }

    private List<String> policyNames(List<PolicyGrant> grants) {
        return resolve(grants).stream().map(ResolvedGrant::policyName).toList();
    }

}
