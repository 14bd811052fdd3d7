package org.unstuck.reports.health;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CourseOutcome;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.csv.CsvTable;
import org.unstuck.reports.pdf.PdfFlow;

/**
 * Caseload health for a period, per therapist, per approach and for the whole practice: the cases
 * active at the period's end and the share of them flagged on that day (by the assessment in force
 * then, from each case's history), and among
 * courses finished within the period the NHS Talking Therapies figures — caseness, recovery,
 * reliable improvement, reliable deterioration, reliable recovery — each with the number of cases
 * it rests on. Recovery rates are among finished courses that started at caseness; improvement and
 * deterioration rates among all finished courses.
 */
public record CaseloadHealthReport(LocalDate from, LocalDate to, LocalDate asOf, List<Course> courses, int smallestGroup) {

    /** A group of fewer cases is shown without figures, so that nobody reads one client's course out of it. */
    public static final int SMALLEST_GROUP = 5;

    public CaseloadHealthReport(LocalDate from, LocalDate to, LocalDate asOf, List<Course> courses) {
        this(from, to, asOf, courses, SMALLEST_GROUP);
    }

    /**
     * One case.
     *
     * @param flagged whether the assessment in force on the period's last day flagged it
     * @param outcome the course outcome, for a finished course scored on PHQ-9 or GAD-7; else null
     */
    public record Course(String therapist, String approach, LocalDate openedOn, @Nullable LocalDate closedOn, boolean flagged,
            @Nullable CourseOutcome outcome) {

        boolean activeOn(LocalDate day) {
            return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
        }

        boolean finishedBetween(LocalDate from, LocalDate to) {
            return closedOn != null && !closedOn.isBefore(from) && !closedOn.isAfter(to);
        }
    }

    /** The figures of one group of cases. */
    public record Figures(String group, int active, int flagged, int finished, int atCaseness, int recovered, int improved,
            int deteriorated, int reliablyRecovered) {

        public @Nullable Double flagRate() {
            return active == 0 ? null : (double) flagged / active;
        }

        public @Nullable Double recoveryRate() {
            return atCaseness == 0 ? null : (double) recovered / atCaseness;
        }

        public @Nullable Double improvementRate() {
            return finished == 0 ? null : (double) improved / finished;
        }

        public @Nullable Double deteriorationRate() {
            return finished == 0 ? null : (double) deteriorated / finished;
        }

        public @Nullable Double reliableRecoveryRate() {
            return atCaseness == 0 ? null : (double) reliablyRecovered / atCaseness;
        }
    }

    public CaseloadHealthReport {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("A period starts on or before its end");
        }
        courses = List.copyOf(courses);
        if (smallestGroup < 1) {
            throw new IllegalArgumentException("The smallest group shown has at least one case");
        }
    }

    /** The whole practice's figures; their group has no name. */
    public Figures practice() {
        return figures("", course -> true);
    }

    public List<Figures> byTherapist() {
        return grouped(Course::therapist);
    }

    public List<Figures> byApproach() {
        return grouped(Course::approach);
    }

    private List<Figures> grouped(Function<Course, String> key) {
        var groups = new TreeMap<String, Boolean>();
        courses.forEach(course -> groups.put(key.apply(course), true));
        return groups.keySet().stream().map(group -> figures(group, course -> key.apply(course).equals(group))).toList();
    }

    private Figures figures(String group, Predicate<Course> member) {
        int active = 0, flagged = 0, finished = 0, caseness = 0, recovered = 0, improved = 0, deteriorated = 0, reliable = 0;
        for (var course : courses) {
            if (!member.test(course)) {
                continue;
            }
            if (course.activeOn(to)) {
                active++;
                if (course.flagged()) {
                    flagged++;
                }
            }
            var outcome = course.outcome();
            if (!course.finishedBetween(from, to) || outcome == null || !outcome.finishedCourse()) {
                continue;
            }
            finished++;
            if (outcome.reliablyImproved()) {
                improved++;
            }
            if (outcome.reliablyDeteriorated()) {
                deteriorated++;
            }
            if (outcome.atCaseness()) {
                caseness++;
                if (outcome.recovered()) {
                    recovered++;
                }
                if (outcome.reliablyRecovered()) {
                    reliable++;
                }
            }
        }
        return new Figures(group, active, flagged, finished, caseness, recovered, improved, deteriorated, reliable);
    }

    private Map<String, List<Figures>> sections() {
        var sections = new LinkedHashMap<String, List<Figures>>();
        sections.put("practice", List.of(practice()));
        sections.put("therapist", byTherapist());
        sections.put("approach", byApproach());
        return sections;
    }

    /** Whether a group's figures are shown: the whole practice's always, a named group's from the smallest group on. */
    public boolean shown(Figures figures) {
        return enough(figures, figures.active() + figures.finished());
    }

    /**
     * Whether a figure resting on {@code cases} is shown: within a named group, a count or a share
     * of fewer cases than the smallest group is left out, so that no client's course is read from it.
     */
    private boolean enough(Figures figures, int cases) {
        return figures.group().isEmpty() || cases >= smallestGroup;
    }

    private @Nullable Object ifEnough(Figures figures, int cases, @Nullable Object value) {
        return enough(figures, cases) ? value : null;
    }

    public byte[] toCsv() {
        var table = new CsvTable(List.of("period_from", "period_to", "grouping", "group", "active_cases", "flagged", "flag_rate", "finished_courses",
                "at_caseness", "recovered", "recovery_rate", "reliably_improved", "reliable_improvement_rate",
                "reliably_deteriorated", "reliable_deterioration_rate", "reliably_recovered", "reliable_recovery_rate",
                "too_few_cases_to_show"));
        sections().forEach((grouping, rows) -> rows.forEach(figures -> table.row(shown(figures)
                ? Arrays.asList(from, to, grouping, figures.group(),
                        ifEnough(figures, figures.active(), figures.active()),
                        ifEnough(figures, figures.active(), figures.flagged()),
                        ifEnough(figures, figures.active(), rounded(figures.flagRate())),
                        ifEnough(figures, figures.finished(), figures.finished()),
                        ifEnough(figures, figures.atCaseness(), figures.atCaseness()),
                        ifEnough(figures, figures.atCaseness(), figures.recovered()),
                        ifEnough(figures, figures.atCaseness(), rounded(figures.recoveryRate())),
                        ifEnough(figures, figures.finished(), figures.improved()),
                        ifEnough(figures, figures.finished(), rounded(figures.improvementRate())),
                        ifEnough(figures, figures.finished(), figures.deteriorated()),
                        ifEnough(figures, figures.finished(), rounded(figures.deteriorationRate())),
                        ifEnough(figures, figures.atCaseness(), figures.reliablyRecovered()),
                        ifEnough(figures, figures.atCaseness(), rounded(figures.reliableRecoveryRate())), false)
                : Arrays.asList(from, to, grouping, figures.group(), null, null, null, null, null, null, null, null, null, null,
                        null, null, null, true))));
        return table.toBytes();
    }

    public byte[] toPdf(ReportTexts texts) {
        var document = PdfFlow.landscape(texts.get("health.footer"), texts)
                .title(texts.get("health.title"))
                .paragraphs(List.of(texts.get("health.period", from, to, asOf), texts.get("health.finished"),
                        texts.get("health.recovery")));
        var table = document.table(List.of(texts.get("health.group"), texts.get("health.active"), texts.get("health.flagged"),
                        texts.get("health.finished-courses"), texts.get("health.recovery-rate"), texts.get("health.improvement"),
                        texts.get("health.deterioration"), texts.get("health.reliable-recovery")),
                new float[] {0.2f, 0.07f, 0.11f, 0.08f, 0.13f, 0.14f, 0.14f, 0.13f});
        var percent = NumberFormat.getPercentInstance(texts.locale());
        sections().forEach((grouping, rows) -> {
            for (var figures : rows) {
                var name = grouping.equals("practice") ? texts.get("health.whole-practice")
                        : texts.get("health." + grouping, figures.group());
                if (!shown(figures)) {
                    table.row(List.of(name, "", "", "", texts.get("health.too-few", smallestGroup), "", "", ""));
                    continue;
                }
                var tooFew = texts.get("health.too-few", smallestGroup);
                table.row(List.of(name,
                        enough(figures, figures.active()) ? Integer.toString(figures.active()) : tooFew,
                        enough(figures, figures.active()) ? share(figures.flagRate(), figures.active(), percent, texts) : tooFew,
                        enough(figures, figures.finished()) ? Integer.toString(figures.finished()) : tooFew,
                        enough(figures, figures.atCaseness())
                                ? share(figures.recoveryRate(), figures.atCaseness(), percent, texts) : tooFew,
                        enough(figures, figures.finished())
                                ? share(figures.improvementRate(), figures.finished(), percent, texts) : tooFew,
                        enough(figures, figures.finished())
                                ? share(figures.deteriorationRate(), figures.finished(), percent, texts) : tooFew,
                        enough(figures, figures.atCaseness())
                                ? share(figures.reliableRecoveryRate(), figures.atCaseness(), percent, texts) : tooFew));
            }
        });
        return document.toPdf();
    }

    private static @Nullable Double rounded(@Nullable Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 1000.0;
    }

    private static String share(@Nullable Double rate, int n, NumberFormat percent, ReportTexts texts) {
        return rate == null ? texts.get("health.none") : texts.get("health.share", percent.format(rate), n);
    }
}
