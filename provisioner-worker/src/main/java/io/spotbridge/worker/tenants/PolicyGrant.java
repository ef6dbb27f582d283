package io.spotbridge.worker.tenants;

import java.util.List;
import java.util.Objects;

/**
 * One Spot access policy on some accounts, as Spot's {@code policyMapping} takes it. {@code "*"} in
 * {@code accountIds} means every current and future account.
 */
public record PolicyGrant(String policyId, List<String> accountIds) {

	public static final String ALL_ACCOUNTS = "*";

	public PolicyGrant {
		Objects.requireNonNull(policyId, "policyId");
		if (policyId.isBlank()) {
			throw new IllegalArgumentException("policyId must not be blank");
		}
		accountIds = accountIds == null || accountIds.isEmpty() ? List.of(ALL_ACCOUNTS) : List.copyOf(accountIds);
	}

	public static PolicyGrant onAllAccounts(String policyId) {
		return new PolicyGrant(policyId, List.of(ALL_ACCOUNTS));
	}

}
