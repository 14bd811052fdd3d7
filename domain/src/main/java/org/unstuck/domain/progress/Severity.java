package org.unstuck.domain.progress;

/** How urgent a signal is, from least to most. */
public enum Severity {
    WATCH,
    STALLED,
    DETERIORATING
}
