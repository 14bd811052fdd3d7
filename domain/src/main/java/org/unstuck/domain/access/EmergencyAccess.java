package org.unstuck.domain.access;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The rules of break-glass access: a clinician states why they must read a case outside their
 * scope, and may then read it — never change it — for a limited time, every read flagged.
 */
public final class EmergencyAccess {

    public static final int MIN_REASON = 20;
    public static final int MAX_REASON = 300;
    public static final Duration LASTS = Duration.ofHours(12);

    private EmergencyAccess() {
    }

    /** Why the reason cannot stand, or null when it can. */
    public static @Nullable String refusal(String reason) {
        var length = reason.strip().codePointCount(0, reason.strip().length());
        if (length < MIN_REASON) {
            return "State the reason in at least " + MIN_REASON + " characters; this one has " + length + ".";
        }
        if (length > MAX_REASON) {
            return "State the reason in at most " + MAX_REASON + " characters; this one has " + length + ".";
        }
        return null;
    }
}
