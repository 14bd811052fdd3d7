package org.unstuck.web.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/** The practice manager as the second person who approves what an admin asked for, in tests. */
public final class SecondPerson {

    private SecondPerson() {
    }

    /** The first request waiting about this username, as the signed-in person reads it. */
    public static ChangeRow waitingAbout(AccountChanges changes, String username) {
        return changes.pending().stream().filter(row -> row.account().endsWith("(" + username + ")")).findFirst()
                .orElseThrow();
    }

    /** The manager approves every request waiting about this username; whoever was signed in is signed in again. */
    public static void managerApproves(AccountChanges changes, UserDetailsService users, String username) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        TestSignIn.as(users, "manager");
        try {
            var waiting = changes.pending().stream().filter(row -> row.account().endsWith("(" + username + ")")).toList();
            assertThat(waiting).as("requests waiting about %s", username).isNotEmpty();
            waiting.forEach(row -> changes.approve(row.id(), row.version()));
        } finally {
            if (before == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.getContext().setAuthentication(before);
            }
        }
    }
}
