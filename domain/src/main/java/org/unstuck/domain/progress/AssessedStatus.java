package org.unstuck.domain.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/**
 * One entry of a case's assessment history: the status and signals in force from {@code effectiveOn}
 * until the next entry, what caused the change, and the settings version that produced it.
 */
public record AssessedStatus(CaseId caseId, LocalDate effectiveOn, CaseStatus status, List<Signal> signals,
        AssessmentCause cause, long settingsVersion) {

    public AssessedStatus {
        signals = List.copyOf(signals);
    }

    public Optional<Signal> topSignal() {
        return signals.stream().findFirst();
    }
}
