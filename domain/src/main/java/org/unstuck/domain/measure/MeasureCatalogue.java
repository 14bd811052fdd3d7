package org.unstuck.domain.measure;

import static org.unstuck.domain.measure.ClinicalCutoff.Side.AT_OR_ABOVE;
import static org.unstuck.domain.measure.ClinicalCutoff.Side.BELOW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The measures a practice can score: the built-ins of the clinical reference, and those the
 * practice added. Codes are unique.
 */
public final class MeasureCatalogue {

    public static final Measure PHQ_9 = builtIn("PHQ-9", "Patient Health Questionnaire (depression)", MeasureKind.OUTCOME,
            new ScoreRange(0, 27, 0), Direction.LOWER_IS_BETTER, new ClinicalCutoff(10, AT_OR_ABOVE),
            ReliableChange.published(6), "NHS Talking Therapies manual", true,
            new MeasureItems(9, 3, new RiskRule(9, 1, "thoughts of being better off dead or of self-harm",
                    "Kroenke, Spitzer & Williams 2001; Simon et al. 2013, Psychiatr Serv 64:1195", true)));
    public static final Measure GAD_7 = builtIn("GAD-7", "Generalised Anxiety Disorder scale", MeasureKind.OUTCOME,
            new ScoreRange(0, 21, 0), Direction.LOWER_IS_BETTER, new ClinicalCutoff(8, AT_OR_ABOVE),
            ReliableChange.published(4), "NHS Talking Therapies manual", true, new MeasureItems(7, 3, null));
    public static final Measure CORE_10 = builtIn("CORE-10", "Clinical Outcomes in Routine Evaluation (distress)",
            MeasureKind.OUTCOME, new ScoreRange(0, 40, 0), Direction.LOWER_IS_BETTER, new ClinicalCutoff(11, AT_OR_ABOVE),
            ReliableChange.published(6), "Barkham et al. 2013", false,
            new MeasureItems(10, 4, new RiskRule(6, 1, "made plans to end one's life",
                    "Barkham et al. 2013, Couns Psychother Res 13:3 (item 6 is the measure's risk item)", false)));
    public static final Measure OQ_45 = builtIn("OQ-45", "Outcome Questionnaire (distress)", MeasureKind.OUTCOME,
            new ScoreRange(0, 180, 0), Direction.LOWER_IS_BETTER, new ClinicalCutoff(64, AT_OR_ABOVE),
            ReliableChange.published(14), "OQ Measures FAQ", false, null);
    public static final Measure ORS = builtIn("ORS", "Outcome Rating Scale", MeasureKind.OUTCOME,
            new ScoreRange(0, 40, 1), Direction.HIGHER_IS_BETTER, new ClinicalCutoff(25, BELOW),
            ReliableChange.published(5), "PCOMS / OpenFIT knowledge base", false, null);
    public static final Measure SRS = builtIn("SRS", "Session Rating Scale (alliance)", MeasureKind.ALLIANCE,
            new ScoreRange(0, 40, 1), Direction.HIGHER_IS_BETTER, new ClinicalCutoff(36, BELOW),
            null, "OpenFIT KA-01028", true, null);

    public static final List<Measure> BUILT_INS = List.of(PHQ_9, GAD_7, CORE_10, OQ_45, ORS, SRS);

    private final Map<MeasureCode, Measure> measures = new LinkedHashMap<>();

    private MeasureCatalogue(List<Measure> all) {
        for (var measure : all) {
            if (measures.putIfAbsent(measure.code(), measure) != null) {
                throw new IllegalArgumentException("The catalogue already has a measure " + measure.code());
            }
        }
    }

    /** The built-in measures followed by the practice's own. */
    public static MeasureCatalogue withPracticeMeasures(List<Measure> practiceMeasures) {
        var all = new ArrayList<>(BUILT_INS);
        all.addAll(practiceMeasures);
        return new MeasureCatalogue(all);
    }

    public static MeasureCatalogue builtInsOnly() {
        return new MeasureCatalogue(BUILT_INS);
    }

    public Optional<Measure> find(MeasureCode code) {
        return Optional.ofNullable(measures.get(code));
    }

    public List<Measure> all() {
        return List.copyOf(measures.values());
    }

    public List<Measure> ofKind(MeasureKind kind) {
        return measures.values().stream().filter(measure -> measure.kind() == kind).toList();
    }

    private static Measure builtIn(String code, String name, MeasureKind kind, ScoreRange range, Direction better,
            ClinicalCutoff cutoff, @Nullable ReliableChange reliableChange, String source, boolean confirmed,
            @Nullable MeasureItems items) {
        return new Measure(new MeasureCode(code), name, kind, range, better, cutoff, reliableChange, source, confirmed, true,
                items);
    }
}
