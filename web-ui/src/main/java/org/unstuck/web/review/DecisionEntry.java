package org.unstuck.web.review;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;

/**
 * What a supervisor fills in to record a decision. Which of the detail fields count depends on the
 * type: the new approach, the colleague referred to, or the detail text (service, frequency,
 * assessment, risk action).
 */
public record DecisionEntry(@Nullable DecisionType type, @Nullable String newApproach, @Nullable String colleague,
        @Nullable String detail, @Nullable String rationale, Set<StallReason> reasons, @Nullable LocalDate followUpOn) {
}
