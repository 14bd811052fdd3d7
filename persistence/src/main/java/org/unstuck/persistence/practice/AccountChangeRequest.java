package org.unstuck.persistence.practice;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;

/**
 * A change that opens clinical records to someone, asked for by one person and approved, rejected
 * or withdrawn by a second.
 *
 * @param account whose access changes: the grantee, the supervised therapist, the account given a
 *     new password; none for a new account, which is named by {@code username}
 * @param supervisor the supervisor of a new supervision pair
 * @param roles the roles of a new account, or the clinical roles given to an existing one
 * @param passwordHash the hash of the password to set, kept only while the request waits
 */
public record AccountChangeRequest(long id, Kind kind, @Nullable UserId account, @Nullable UserId supervisor,
        @Nullable String username, @Nullable String displayName, Set<Role> roles, @Nullable String passwordHash,
        UserId requestedBy, Instant requestedAt, Status status, @Nullable UserId decidedBy, @Nullable Instant decidedAt,
        long version) {

    public enum Kind {
        NEW_ACCOUNT, ROLE_GRANT, SUPERVISION_PAIR, PASSWORD_RESET, SECOND_FACTOR_RESET
    }

    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }

    public AccountChangeRequest {
        roles = Set.copyOf(roles);
    }

    /** What is asked for, before it is stored. */
    public record Asked(Kind kind, @Nullable UserId account, @Nullable UserId supervisor, @Nullable String username,
            @Nullable String displayName, Set<Role> roles, @Nullable String passwordHash) {

        public Asked {
            roles = Set.copyOf(roles);
        }
    }
}
