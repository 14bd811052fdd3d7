package org.unstuck.web.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;

/**
 * What a therapist types to record a session; checked by the service before anything is saved.
 *
 * @param scores each measure's total by code, empty where not given
 * @param items each measure's item scores by code, in item order, where the measure has items and they were given
 */
public record SessionEntry(@Nullable LocalDate date, @Nullable Attendance attendance, Map<String, @Nullable Double> scores,
        Map<String, List<@Nullable Integer>> items, @Nullable Homework homework) {

    public SessionEntry(@Nullable LocalDate date, @Nullable Attendance attendance, Map<String, @Nullable Double> scores,
            @Nullable Homework homework) {
        this(date, attendance, scores, Map.of(), homework);
    }
}
