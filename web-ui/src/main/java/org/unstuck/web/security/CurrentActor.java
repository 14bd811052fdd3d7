package org.unstuck.web.security;

import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.unstuck.domain.access.Actor;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;

/** The signed-in person as the domain's access rules see them: roles, and whom they supervise. */
@Component
public class CurrentActor {

    private final CurrentUser currentUser;
    private final SupervisionPairs supervision;

    CurrentActor(CurrentUser currentUser, SupervisionPairs supervision) {
        this.currentUser = currentUser;
        this.supervision = supervision;
    }

    public Actor actor() {
        var account = currentUser.account();
        var id = Objects.requireNonNull(account.id());
        var supervisees = supervision.superviseesOf(id).stream()
                .map(UserAccount::id).filter(Objects::nonNull).collect(Collectors.toSet());
        return new Actor(id, account.roles(), supervisees);
    }

    public UserAccount account() {
        return currentUser.account();
    }
}
