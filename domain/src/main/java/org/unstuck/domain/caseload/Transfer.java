package org.unstuck.domain.caseload;

import java.time.LocalDate;
import org.unstuck.domain.practice.UserId;

/** A case moved from one therapist to another; kept for the case's whole history. */
public record Transfer(UserId from, UserId to, LocalDate on, String reason) {

    public Transfer {
        if (from.equals(to)) {
            throw new IllegalArgumentException("A case is transferred to another therapist, not to the same one");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A transfer says why");
        }
    }
}
