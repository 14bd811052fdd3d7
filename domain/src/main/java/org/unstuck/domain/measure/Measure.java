package org.unstuck.domain.measure;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An outcome or alliance measure of the catalogue: its range, which way is better, its clinical
 * cut-off and reliable-change value, and where those numbers come from.
 *
 * @param reliableChange absent for measures whose change is not tracked, such as SRS
 * @param source where the cut-off and reliable-change values are published
 * @param defaultsConfirmed false where the reference marks a default as unconfirmed; the settings
 *     screen then says "default, check your service's manual"
 * @param builtIn true for the catalogue's own measures, false for those a practice added
 * @param items the questionnaire's items where item scores may be kept, or none
 */
public record Measure(
        MeasureCode code,
        String name,
        MeasureKind kind,
        ScoreRange range,
        Direction betterWhen,
        ClinicalCutoff cutoff,
        @Nullable ReliableChange reliableChange,
        String source,
        boolean defaultsConfirmed,
        boolean builtIn,
        @Nullable MeasureItems items) {

    public Measure {
        if (name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("A measure's name is 1 to 120 characters");
        }
        if (cutoff.value() < range.min() || cutoff.value() > range.max()) {
            throw new IllegalArgumentException("The clinical cut-off of " + code + " must lie within its range "
                    + range.describe() + "; got " + Scores.format(cutoff.value()));
        }
        if (reliableChange != null && reliableChange.points() > range.width()) {
            throw new IllegalArgumentException("The reliable change of " + code + " cannot exceed its range "
                    + range.describe());
        }
        if (items != null && (range.min() != 0 || range.max() != items.maxTotal() || range.decimals() != 0)) {
            throw new IllegalArgumentException("The items of " + code + " add up to 0–" + items.maxTotal()
                    + ", which must be its range; its range is " + range.describe());
        }
    }

    /** A measure a practice adds to the catalogue. */
    public static Measure practiceDefined(MeasureCode code, String name, MeasureKind kind, ScoreRange range,
            Direction betterWhen, ClinicalCutoff cutoff, @Nullable ReliableChange reliableChange, String source) {
        return new Measure(code, name, kind, range, betterWhen, cutoff, reliableChange, source, true, false, null);
    }

    public Optional<ReliableChange> reliableChangeIfTracked() {
        return Optional.ofNullable(reliableChange);
    }

    public Optional<MeasureItems> itemsIfDefined() {
        return Optional.ofNullable(items);
    }

    /** A score on this measure, refused when outside the range. */
    public Score score(double value) {
        return new Score(this, value);
    }

    /** A score given by its items, the total being their sum. */
    public Score scoreOfItems(List<Integer> itemScores) {
        return new Score(this, itemScores.stream().mapToInt(Integer::intValue).sum(), itemScores);
    }
}
