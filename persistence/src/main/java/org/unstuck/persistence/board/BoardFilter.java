package org.unstuck.persistence.board;

import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

/** What a board shows: every case, or those of one therapist, with one top reason, or one status. */
public record BoardFilter(@Nullable Long therapistId, @Nullable StallReason reason, @Nullable CaseStatus status) {

    public static BoardFilter everything() {
        return new BoardFilter(null, null, null);
    }
}
