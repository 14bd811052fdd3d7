package org.unstuck.domain.progress;

/**
 * A case's status: the most severe of its signals, ON_TRACK without any, or INSUFFICIENT_DATA
 * (shown grey, never flagged) when there is at most one score and nothing else to report.
 */
public enum CaseStatus {
    INSUFFICIENT_DATA,
    ON_TRACK,
    WATCH,
    STALLED,
    DETERIORATING,
    RISK;

    public static CaseStatus of(Severity severity) {
        return switch (severity) {
            case WATCH -> WATCH;
            case STALLED -> STALLED;
            case DETERIORATING -> DETERIORATING;
            case RISK -> RISK;
        };
    }

    /** Whether a supervisor should look at the case. */
    public boolean isFlagged() {
        return this == WATCH || this == STALLED || this == DETERIORATING || this == RISK;
    }

    /** Ordering for "better or worse": insufficient data counts as on track. */
    public int severityRank() {
        return this == INSUFFICIENT_DATA ? ON_TRACK.ordinal() : ordinal();
    }
}
