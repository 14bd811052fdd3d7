package org.unstuck.domain.caseload;

import org.jspecify.annotations.Nullable;

/** A session as the case's history keeps it: standing, or voided with its reason. */
public record RecordedSession(Session session, @Nullable SessionVoid voided) {

    public boolean isVoided() {
        return voided != null;
    }
}
