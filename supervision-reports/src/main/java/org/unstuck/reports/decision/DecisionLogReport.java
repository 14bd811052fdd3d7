package org.unstuck.reports.decision;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.csv.CsvTable;
import org.unstuck.reports.pdf.PdfFlow;

/**
 * Decisions and their outcomes for a period: every decision with its type, reasons, owner and
 * follow-up, and — once the follow-up has come — whether the case improved since the decision;
 * then the "what works" summary across the practice. A reader who may not see individual cases
 * (the practice manager) gets the summary alone. No rationale in the PDF, and no notes or scores
 * beyond the change.
 *
 * @param individualDecisions whether the rows of single decisions are part of this report
 */
public record DecisionLogReport(LocalDate from, LocalDate to, LocalDate asOf, boolean individualDecisions, List<Row> rows,
        List<WhatWorks.Row> whatWorks) {

    /**
     * One decision on the log.
     *
     * @param outcome present once the follow-up date has come
     */
    public record Row(String client, String therapist, String owner, Decision decision, @Nullable DecisionOutcome outcome) {
    }

    public DecisionLogReport {
        if (!individualDecisions && !rows.isEmpty()) {
            throw new IllegalArgumentException("A summary-only report holds no single decisions");
        }
        rows = List.copyOf(rows);
        whatWorks = List.copyOf(whatWorks);
    }

    /** The decision log, one row per decision; for a summary-only report, the what-works summary. */
    public byte[] toCsv() {
        if (!individualDecisions) {
            return whatWorksCsv();
        }
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
        return table.toBytes();
    }

    /** Per decision type and approach: how many flagged cases past their follow-up, and how many improved. */
    private byte[] whatWorksCsv() {
        var table = new CsvTable(List.of("period_from", "period_to", "decision", "approach", "flagged_cases_followed_up",
                "improved", "share_improved"));
        for (var row : whatWorks) {
            table.row(Arrays.asList(from, to, row.type().name(), row.approach().name(), row.cases(), row.improved(),
                    Math.round(row.shareImproved() * 1000) / 1000.0));
        }
        return table.toBytes();
    }

    public byte[] toPdf(ReportTexts texts) {
        var document = PdfFlow.landscape(texts.get("decisions.footer"), texts)
                .title(texts.get(individualDecisions ? "decisions.title" : "decisions.title.summary"))
                .paragraph(texts.get("decisions.period", from, to, asOf));
        if (individualDecisions) {
            var followedUp = rows.stream().filter(row -> row.outcome() != null).count();
            var improved = rows.stream().filter(row -> row.outcome() != null && row.outcome().improved()).count();
            document.paragraph(texts.get("decisions.count", rows.size(), followedUp, improved));
            var table = document.heading(texts.get("decisions.log")).table(List.of(texts.get("decisions.decided"),
                            texts.get("decisions.client"), texts.get("decisions.therapist"), texts.get("decisions.decision"),
                            texts.get("decisions.reasons"), texts.get("decisions.follow-up"), texts.get("decisions.status-then"),
                            texts.get("decisions.status-now"), texts.get("decisions.improved")),
                    new float[] {0.09f, 0.08f, 0.14f, 0.16f, 0.19f, 0.09f, 0.09f, 0.09f, 0.07f});
            for (var row : rows) {
                var decision = row.decision();
                var outcome = row.outcome();
                table.row(List.of(decision.decidedOn().toString(), row.client(), row.therapist(),
                        texts.get("decision." + decision.type().name()),
                        decision.reasons().stream().map(reason -> texts.get("reason." + reason.name())).sorted()
                                .collect(Collectors.joining(", ")),
                        decision.followUpOn().toString(), texts.get("case-status." + decision.statusAtDecision().name()),
                        outcome == null ? texts.get("decisions.not-yet") : texts.get("case-status." + outcome.now().name()),
                        outcome == null ? "" : improved(outcome, texts)));
            }
        }
        document.heading(texts.get("what-works.title")).paragraph(texts.get("what-works.about"));
        if (whatWorks.isEmpty()) {
            document.paragraph(texts.get("what-works.empty"));
        } else {
            var summary = document.table(List.of(texts.get("decisions.decision"), texts.get("what-works.approach"),
                            texts.get("what-works.cases"), texts.get("what-works.improved"), texts.get("what-works.share")),
                    new float[] {0.26f, 0.26f, 0.18f, 0.14f, 0.16f});
            var percent = NumberFormat.getPercentInstance(texts.locale());
            for (var row : whatWorks) {
                summary.row(List.of(texts.get("decision." + row.type().name()), row.approach().name(),
                        Integer.toString(row.cases()), Integer.toString(row.improved()), percent.format(row.shareImproved())));
            }
        }
        return document.toPdf();
    }

    /** "yes (+7)": whether the case improved, and by how many points of its primary measure. */
    private static String improved(DecisionOutcome outcome, ReportTexts texts) {
        var score = outcome.scoreImprovement();
        if (score == null || score == 0) {
            return texts.get(outcome.improved() ? "decisions.yes" : "decisions.no");
        }
        var change = (score > 0 ? "+" : "") + Scores.format(score);
        return texts.get(outcome.improved() ? "decisions.yes-change" : "decisions.no-change", change);
    }

    private static String reasons(Decision decision) {
        return decision.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }
}
