package org.unstuck.web.common;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/** The days a report covers, both ends included: at most ten years, ending no later than today. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_YEARS = 10;

    /** The period, or every reason it cannot be one, by field. */
    public static ReportPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
        var errors = new LinkedHashMap<String, String>();
        if (from == null) {
            errors.put("from", "Choose the first day of the period.");
        }
        if (to == null) {
            errors.put("to", "Choose the last day of the period.");
        } else if (to.isAfter(today)) {
            errors.put("to", "The period ends today at the latest.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("from", "The first day comes on or before the last day.");
        } else if (from != null && to != null && from.isBefore(to.minusYears(MAX_YEARS))) {
            errors.put("from", "A period covers at most " + MAX_YEARS + " years.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        return new ReportPeriod(from, to);
    }

    /** The twelve months up to today. */
    public static ReportPeriod lastYear(LocalDate today) {
        return new ReportPeriod(today.minusYears(1).plusDays(1), today);
    }
}
