package io.spotbridge.simulator.organization;

import java.util.List;

/** A policy given to a user or group on some accounts; the account id {@value #ALL_ACCOUNTS} means all of them. */
public record PolicyGrant(String policyId, List<String> accountIds) {

    public static final String ALL_ACCOUNTS = "*";

    public PolicyGrant {
        accountIds = List.copyOf(accountIds);
    }

}
