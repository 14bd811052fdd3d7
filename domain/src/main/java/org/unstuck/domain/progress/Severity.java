package org.unstuck.domain.progress;

/** How urgent a signal is, from least to most. */
public enum Severity {
    WATCH,
    STALLED,
    DETERIORATING,
    /** A critical item endorsed: someone looks at the client's safety today. */
    RISK
}
