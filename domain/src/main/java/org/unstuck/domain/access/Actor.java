package org.unstuck.domain.access;

import java.util.Set;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;

/** The signed-in person as the access rules see them: who, with which roles, supervising whom. */
public record Actor(UserId id, Set<Role> roles, Set<UserId> supervisees) {

    public Actor {
        roles = Set.copyOf(roles);
        supervisees = Set.copyOf(supervisees);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean supervises(UserId therapist) {
        return is(Role.SUPERVISOR) && supervisees.contains(therapist);
    }
}
