package org.unstuck.domain.progress;

import java.time.Instant;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** The latest assessment of each case, stored so boards read it instead of recomputing. */
public interface ProgressSnapshots {

    void store(CaseId caseId, ProgressAssessment assessment, Instant computedAt);

    Optional<ProgressAssessment> latest(CaseId caseId);
}
