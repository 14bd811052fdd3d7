package org.unstuck.domain.progress;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** Every change of each case's assessment, kept for good, with the day it took effect. */
public interface AssessmentHistory {

    /** The assessment in force on that day: the latest entry that took effect on or before it. */
    Optional<AssessedStatus> on(CaseId caseId, LocalDate day);

    /** For each of these cases that had an assessment on that day, the one in force. */
    Map<CaseId, AssessedStatus> on(Collection<CaseId> caseIds, LocalDate day);

    /** The case's whole history, oldest first. */
    List<AssessedStatus> of(CaseId caseId);
}
