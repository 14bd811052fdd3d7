package org.unstuck.domain.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
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

    /**
     * The assessment without the signals read from reflective notes, for a reader who may not read the
     * notes: its status is then the most severe of the signals left, so that a status no other signal
     * explains does not tell what a note says.
     */
    public ProgressSnapshot withoutNoteSignals() {
        var left = signals.stream().filter(signal -> !signal.rule().readFromNotes()).toList();
        if (left.size() == signals.size()) {
            return this;
        }
        var statusLeft = left.stream().map(Signal::severity).max(Comparator.naturalOrder()).map(CaseStatus::of)
                .orElse(CaseStatus.ON_TRACK);
        return new ProgressSnapshot(caseId, statusLeft, statusSince, left, ruleSetVersion, computedAt);
    }
}
