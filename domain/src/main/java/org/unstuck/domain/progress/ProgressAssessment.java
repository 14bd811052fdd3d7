package org.unstuck.domain.progress;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.ChangeAssessment;

/**
 * The result of reviewing one case: its status, every signal (most severe first), the change on
 * the primary measure with the formula and threshold used, and the rule set that produced it.
 */
public record ProgressAssessment(CaseStatus status, List<Signal> signals, @Nullable ChangeAssessment primaryChange,
        String ruleSetVersion) {

    private static final Comparator<Signal> MOST_SEVERE_FIRST =
            Comparator.comparing(Signal::severity).reversed().thenComparing(Signal::rule);

    public ProgressAssessment {
        signals = signals.stream().sorted(MOST_SEVERE_FIRST).toList();
    }

    /** The signal a board shows first. */
    public Optional<Signal> topSignal() {
        return signals.stream().findFirst();
    }
}
