package org.unstuck.web.caseload;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;

/** What a therapist types to record a session; checked by the service before anything is saved. */
public record SessionEntry(@Nullable LocalDate date, @Nullable Attendance attendance, Map<String, @Nullable Double> scores,
        @Nullable Homework homework) {
}
