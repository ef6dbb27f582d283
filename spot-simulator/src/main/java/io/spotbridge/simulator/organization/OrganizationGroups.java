package io.spotbridge.simulator.organization;

import java.util.List;
import java.util.Optional;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/**
 * The user groups of one organization. Membership is stored on the group only, so a user's groups are always the
 * groups listing it. Every method is atomic with respect to the organization's other state.
 */
public final class OrganizationGroups {

    private final Directory directory;

    OrganizationGroups(Directory directory) {
        this.directory = directory;
    }

    public List<GroupDetails> list() {
        synchronized (this.directory) {
            return this.directory.groups.values().stream().map(this.directory::details).toList();
        }
    }

    /** @throws SpotApiException 404 for an unknown group */
    public GroupDetails get(String groupId) {
        synchronized (this.directory) {
            return this.directory.details(this.directory.requireGroup(groupId));
        }
    }

    /** @throws SpotApiException 400 for a missing or taken name, an unknown user, policy or account */
    public GroupDetails create(UserGroupDraft draft) {
        String name = draft.name().filter((value) -> !value.isBlank()).orElseThrow(
                () -> SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "name is required", "name"));
        synchronized (this.directory) {
            UserGroupDraft valid = validated(draft, Optional.empty());
            UserGroup group = new UserGroup(this.directory.newId("ugr-", this.directory.groups), name,
                    valid.description().orElse(""), valid.userIds().orElse(List.of()), valid.policies().orElse(List.of()),
                    this.directory.now(), this.directory.now());
            this.directory.groups.put(group.id(), group);
            return this.directory.details(group);
        }
    }

    /** Changes the fields the draft carries. @throws SpotApiException 404 for an unknown group, 400 as for {@link #create} */
    public GroupDetails update(String groupId, UserGroupDraft draft) {
        synchronized (this.directory) {
            UserGroup group = this.directory.requireGroup(groupId);
            UserGroup updated = group.with(validated(draft, Optional.of(groupId)), this.directory.now());
            this.directory.groups.put(groupId, updated);
            return this.directory.details(updated);
        }
    }

    /** @throws SpotApiException 404 for an unknown group */
    public void delete(String groupId) {
        synchronized (this.directory) {
            this.directory.requireGroup(groupId);
            this.directory.groups.remove(groupId);
        }
    }

    public void replaceMembers(String groupId, List<String> userIds) {
        update(groupId, new UserGroupDraft(Optional.empty(), Optional.empty(), Optional.of(userIds), Optional.empty()));
    }

    public void replacePolicies(String groupId, List<PolicyGrant> grants) {
        update(groupId, new UserGroupDraft(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(grants)));
    }

    private UserGroupDraft validated(UserGroupDraft draft, Optional<String> self) {
        draft.name().ifPresent((name) -> checkNameFree(name, self));
        return new UserGroupDraft(draft.name(), draft.description(),
                draft.userIds().map((ids) -> this.directory.existingUsers(ids, "userIds")),
                draft.policies().map(this.directory::validGrants));
    }

    private void checkNameFree(String name, Optional<String> self) {
        if (name.isBlank()) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "name must not be blank", "name");
        }
        boolean taken = this.directory.groups.values().stream()
            .anyMatch((group) -> group.name().equalsIgnoreCase(name) && !self.equals(Optional.of(group.id())));
        if (taken) {
            throw SpotApiException.badRequest(ErrorCodes.USER_GROUP_ALREADY_EXISTS,
                    "A user group named " + name + " already exists", "name");
        }
    }

}
