package org.unstuck.domain.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/**
 * A case's latest stored assessment, as boards read it: status and since when, the signals, and
 * the rule set and moment that produced them.
 */
public record ProgressSnapshot(CaseId caseId, CaseStatus status, LocalDate statusSince, List<Signal> signals,
        String ruleSetVersion, Instant computedAt) {

    public ProgressSnapshot {
        signals = List.copyOf(signals);
    }

    public Optional<Signal> topSignal() {
        return signals.stream().findFirst();
    }

    /** The assessment without the signals read from reflective notes, for a reader who may not read the notes. */
    public ProgressSnapshot withoutNoteSignals() {
        return new ProgressSnapshot(caseId, status, statusSince,
                signals.stream().filter(signal -> !signal.rule().readFromNotes()).toList(), ruleSetVersion, computedAt);
    }
}
