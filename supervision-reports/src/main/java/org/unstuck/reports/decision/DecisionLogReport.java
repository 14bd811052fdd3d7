package org.unstuck.reports.decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.reports.csv.CsvTable;
import org.unstuck.reports.pdf.TableDocument;

/**
 * Every decision of a period with its type, reasons, owner and follow-up, and — once the
 * follow-up has come — whether the case improved since the decision. No rationale text in the PDF
 * table beyond its first words, and no notes or scores beyond the change.
 */
public record DecisionLogReport(LocalDate from, LocalDate to, LocalDate asOf, List<Row> rows) {

    /**
     * One decision on the log.
     *
     * @param outcome present once the follow-up date has come
     */
    public record Row(String client, String therapist, String owner, Decision decision, @Nullable DecisionOutcome outcome) {
    }

    public DecisionLogReport {
        rows = List.copyOf(rows);
    }

    public byte[] toCsv() {
        var table = new CsvTable(List.of("decided_on", "client", "therapist", "decision", "reasons", "owner", "follow_up_on",
                "status_at_decision", "status_now", "improved_by_follow_up", "score_change", "supersedes", "rationale"));
        for (var row : rows) {
            var decision = row.decision();
            var outcome = row.outcome();
            table.row(Arrays.asList(decision.decidedOn(), row.client(), row.therapist(), decision.type().name(),
                    reasons(decision), row.owner(), decision.followUpOn(), decision.statusAtDecision().name(),
                    outcome == null ? null : outcome.now().name(),
                    outcome == null ? null : outcome.verdict() == DecisionOutcome.Verdict.IMPROVED ? "yes" : "no",
                    outcome == null ? null : outcome.scoreImprovement(),
                    decision.supersedes() == null ? null : decision.supersedes().value(), decision.rationale()));
        }
        try {
            var out = new ByteArrayOutputStream();
            table.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toPdf() {
        var followedUp = rows.stream().filter(row -> row.outcome() != null).count();
        var improved = rows.stream().filter(row -> row.outcome() != null && row.outcome().improved()).count();
        var document = new TableDocument("Decision log",
                List.of("Decisions made from " + from + " to " + to + ", as of " + asOf + ".",
                        rows.size() + " decisions; " + followedUp + " past their follow-up, of which " + improved
                                + " on a case that improved since."),
                List.of("Decided", "Client", "Therapist", "Decision", "Reasons", "Follow-up", "Status then", "Status now",
                        "Improved"),
                new float[] {0.09f, 0.08f, 0.14f, 0.16f, 0.19f, 0.09f, 0.09f, 0.09f, 0.07f},
                "Confidential: supervision decisions of the practice.");
        for (var row : rows) {
            var decision = row.decision();
            var outcome = row.outcome();
            document.row(List.of(decision.decidedOn().toString(), row.client(), row.therapist(), label(decision.type().name()),
                    decision.reasons().stream().map(reason -> label(reason.name())).sorted().collect(Collectors.joining(", ")),
                    decision.followUpOn().toString(), label(decision.statusAtDecision().name()),
                    outcome == null ? "not yet" : label(outcome.now().name()),
                    outcome == null ? "" : outcome.improved() ? "yes" + change(outcome) : "no" + change(outcome)));
        }
        return document.toPdf();
    }

    private static String change(DecisionOutcome outcome) {
        var score = outcome.scoreImprovement();
        return score == null || score == 0 ? "" : score > 0 ? " (+" + Scores.format(score) + ")" : " (" + Scores.format(score) + ")";
    }

    private static String reasons(Decision decision) {
        return decision.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }

    /** "CHANGE_APPROACH" as "Change approach". */
    private static String label(String name) {
        var words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
