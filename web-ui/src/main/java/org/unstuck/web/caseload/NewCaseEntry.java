package org.unstuck.web.caseload;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a therapist types to open a case.
 *
 * @param secondEpisode the therapist confirmed a second open case for a client they already have an open case for
 */
public record NewCaseEntry(@Nullable String clientCode, @Nullable String presentingProblem, @Nullable String approach,
        @Nullable String primaryMeasure, @Nullable String allianceMeasure, @Nullable LocalDate opened, boolean secondEpisode) {

    public NewCaseEntry(@Nullable String clientCode, @Nullable String presentingProblem, @Nullable String approach,
            @Nullable String primaryMeasure, @Nullable String allianceMeasure, @Nullable LocalDate opened) {
        this(clientCode, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, false);
    }
}
