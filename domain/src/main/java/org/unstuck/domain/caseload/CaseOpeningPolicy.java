package org.unstuck.domain.caseload;

import java.time.LocalDate;

/**
 * How far back a new case may be dated, set by the practice: a case opens on a day between
 * {@link #earliestOpening} and today, so a mistyped year cannot open a case decades ago.
 */
public record CaseOpeningPolicy(int earliestMonthsBack) {

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 120;

    public CaseOpeningPolicy {
        if (earliestMonthsBack < MIN_MONTHS || earliestMonthsBack > MAX_MONTHS) {
            throw new IllegalArgumentException("A case may be dated " + MIN_MONTHS + " to " + MAX_MONTHS
                    + " months back; got " + earliestMonthsBack);
        }
    }

    public static CaseOpeningPolicy defaults() {
        return new CaseOpeningPolicy(24);
    }

    public LocalDate earliestOpening(LocalDate today) {
        return today.minusMonths(earliestMonthsBack);
    }

    /** Whether a case may open on that day. */
    public boolean allows(LocalDate opened, LocalDate today) {
        return !opened.isAfter(today) && !opened.isBefore(earliestOpening(today));
    }
}
