package io.spotbridge.simulator.organization;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.spotbridge.simulator.wire.ErrorCodes;
import io.spotbridge.simulator.wire.SpotApiException;

/** The personal users of one organization. Every method is atomic with respect to the organization's other state. */
public final class OrganizationUsers {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final Pattern FORBIDDEN_IN_NAMES = Pattern.compile("[+=@]");

    private final Directory directory;

    OrganizationUsers(Directory directory) {
        this.directory = directory;
    }

    /**
     * Creates a user with no policies and no groups.
     * @throws SpotApiException 400 when the email is missing, malformed or already used in the organization (compared
     * ignoring case), or a name is missing or contains {@code +}, {@code =} or {@code @}
     */
    public User create(NewUser newUser) {
        String email = checkedEmail(newUser.email());
        String firstName = checkedName(newUser.firstName(), "firstName");
        String lastName = checkedName(newUser.lastName(), "lastName");
        synchronized (this.directory) {
            if (this.directory.userIdsByEmail.containsKey(Directory.emailKey(email))) {
                throw SpotApiException.badRequest(ErrorCodes.USER_ALREADY_EXISTS,
                        "A user with email " + email + " already exists in the organization", "email");
            }
            User user = new User(this.directory.nextUserNumber(), this.directory.newId("u-", this.directory.users), email,
                    firstName, lastName, List.of(), this.directory.now());
            this.directory.users.put(user.userId(), user);
            this.directory.userIdsByEmail.put(Directory.emailKey(email), user.userId());
            this.directory.created.add(user);
            return user;
        }
    }

    /**
     * The users created after the first {@code after} ones (in order of creation, deleted ones included): a cheap way
     * for a test harness to watch creations without listing the whole organization.
     */
    public List<User> createdAfter(int after) {
        synchronized (this.directory) {
            int size = this.directory.created.size();
            return (after >= size) ? List.of() : List.copyOf(this.directory.created.subList(Math.max(0, after), size));
        }
    }

    public List<UserSummary> list() {
        synchronized (this.directory) {
            return this.directory.users.values().stream().map((user) -> new UserSummary(user, groupNames(user))).toList();
        }
    }

    /** @throws SpotApiException 404 for an unknown user */
    public UserDetails get(String userId) {
        synchronized (this.directory) {
            return this.directory.details(this.directory.requireUser(userId));
        }
    }

    /** Deletes the user and takes it out of every group. @throws SpotApiException 404 for an unknown user */
    public void delete(String userId) {
        synchronized (this.directory) {
            User user = this.directory.requireUser(userId);
            this.directory.users.remove(userId);
            this.directory.userIdsByEmail.remove(Directory.emailKey(user.email()), userId);
            this.directory.groups.replaceAll((id, group) -> group.withMember(userId, false, this.directory.now()));
        }
    }

    /** Replaces all of the user's own policy grants. @throws SpotApiException 404 for an unknown user, 400 for an unknown policy or account */
    public void replacePolicies(String userId, List<PolicyGrant> grants) {
        synchronized (this.directory) {
            User user = this.directory.requireUser(userId);
            this.directory.users.put(userId, user.withPolicies(this.directory.validGrants(grants)));
        }
    }

    /** Makes the user a member of exactly the given groups. @throws SpotApiException 404 for an unknown user, 400 for an unknown group */
    public void replaceGroups(String userId, List<String> groupIds) {
        synchronized (this.directory) {
            this.directory.requireUser(userId);
            for (String groupId : groupIds) {
                if (groupId == null || !this.directory.groups.containsKey(groupId)) {
                    throw SpotApiException.badRequest(ErrorCodes.USER_GROUP_DOESNT_EXIST,
                            "User group " + groupId + " does not exist", "userGroupIds");
                }
            }
            Set<String> wanted = Set.copyOf(groupIds);
            this.directory.groups.replaceAll(
                    (id, group) -> group.withMember(userId, wanted.contains(id), this.directory.now()));
        }
    }

    private List<String> groupNames(User user) {
        return this.directory.groupsOf(user.userId()).stream().map(UserGroup::name).toList();
    }

    private static String checkedEmail(String email) {
        if (email == null || email.isBlank()) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "email is required", "email");
        }
        String trimmed = email.strip();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, "email is not a valid email address", "email");
        }
        return trimmed;
    }

    private static String checkedName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, field + " is required", field);
        }
        if (FORBIDDEN_IN_NAMES.matcher(name).find()) {
            throw SpotApiException.badRequest(ErrorCodes.VALIDATION_ERROR, field + " must not contain +, = or @", field);
        }
        return name.strip();
    }

}
