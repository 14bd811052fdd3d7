package org.unstuck.persistence.board;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

/**
 * What a board shows: every case, or those of one therapist, with one top reason, or one status, or
 * carrying a signal of any of the reasons in {@code carrying} (none: no such limit).
 */
public record BoardFilter(@Nullable Long therapistId, @Nullable StallReason reason, @Nullable CaseStatus status,
        Set<StallReason> carrying) {

    public BoardFilter {
        carrying = Set.copyOf(carrying);
    }

    public BoardFilter(@Nullable Long therapistId, @Nullable StallReason reason, @Nullable CaseStatus status) {
        this(therapistId, reason, status, Set.of());
    }

    public static BoardFilter everything() {
        return new BoardFilter(null, null, null);
    }

    /** The same filter without its limit to reasons carried, as the counts per reason read it. */
    public BoardFilter carryingAnything() {
        return new BoardFilter(therapistId, reason, status, Set.of());
    }
}
