package io.spotbridge.simulator.accounts;

import io.spotbridge.simulator.organization.Account;

record AccountItem(String accountId, long organizationId, String name, String providerExternalId, String createdAt) {

    static AccountItem of(Account account) {
        return new AccountItem(account.accountId(), account.organizationId(), account.name(),
                account.providerExternalId(), account.createdAt().toString());
    }

}
