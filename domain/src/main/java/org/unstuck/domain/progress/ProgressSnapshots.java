package org.unstuck.domain.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** The latest assessment of each case, stored so boards read it instead of recomputing. */
public interface ProgressSnapshots {

    /**
     * Replaces the case's snapshot. The status keeps its "since" date while it stays the same, and
     * starts again on {@code today} when it changes. When the verdict changed (status, signals'
     * rules and severities, or the settings that produced it), the case's history gains an entry
     * that takes effect on {@code today}, with its cause.
     */
    ProgressSnapshot store(CaseId caseId, ProgressAssessment assessment, LocalDate today, Instant computedAt,
            AssessmentCause cause, long settingsVersion);

    Optional<ProgressSnapshot> latest(CaseId caseId);
}
