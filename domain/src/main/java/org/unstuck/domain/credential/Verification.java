package org.unstuck.domain.credential;

import java.time.Instant;
import org.unstuck.domain.practice.UserId;

/** Who checked a credential against its source, when, and with what evidence (such as a register lookup). */
public record Verification(UserId verifiedBy, Instant verifiedAt, String evidence) {

    public Verification {
        if (evidence.isBlank() || evidence.length() > 300) {
            throw new IllegalArgumentException("A verification names its evidence in 1 to 300 characters");
        }
    }
}
