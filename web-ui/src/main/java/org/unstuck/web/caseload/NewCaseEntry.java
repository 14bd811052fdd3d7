package org.unstuck.web.caseload;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a therapist types to open a case. */
public record NewCaseEntry(@Nullable String clientCode, @Nullable String presentingProblem, @Nullable String approach,
        @Nullable String primaryMeasure, @Nullable String allianceMeasure, @Nullable LocalDate opened) {
}
