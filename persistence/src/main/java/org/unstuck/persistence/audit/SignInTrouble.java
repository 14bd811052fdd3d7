package org.unstuck.persistence.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong at sign-in over a period, as the admin's home shows it.
 *
 * @param wrongAnswers wrong passwords and wrong second-factor codes
 * @param triedWhileWaiting sign-ins refused because the account or address had to wait
 * @param waits each time an account or a client address was made to wait, newest first
 */
public record SignInTrouble(int wrongAnswers, int triedWhileWaiting, List<Wait> waits) {

    public SignInTrouble {
        waits = List.copyOf(waits);
    }

    /**
     * @param ofAddress whether a client address was made to wait, rather than one username from it
     * @param username the username typed, for an account's wait
     * @param detail from where, for how long and until when
     */
    public record Wait(boolean ofAddress, String username, @Nullable String detail, Instant at) {
    }
}
