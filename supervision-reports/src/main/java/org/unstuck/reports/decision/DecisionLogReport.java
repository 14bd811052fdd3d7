package org.unstuck.reports.decision;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.csv.CsvTable;
import org.unstuck.reports.pdf.PdfFlow;

/**
 * Decisions and their outcomes for a period: every decision with its type, reasons, owner and
 * follow-up, and — once the follow-up date has come — whether the case was less severe on that date
 * than when decided, and where it stands now; then the "what works" summary across the practice,
 * read against the practice's base rate. A reader who may not see individual cases (the practice
 * manager) gets the summary alone. No rationale in the PDF, and no notes or scores beyond the change.
 *
 * @param individualDecisions whether the rows of single decisions are part of this report
 */
public record DecisionLogReport(LocalDate from, LocalDate to, LocalDate asOf, boolean individualDecisions, List<Row> rows,
        WhatWorks.Summary whatWorks) {

    /**
     * One decision on the log.
     *
     * @param what what was decided, with its details, as every screen words it: "Change approach: IPT → CBT"
     * @param supersededOn the day of the later decision that corrects this one, if any
     * @param outcome present once the follow-up date has come
     */
    public record Row(String client, String therapist, String owner, Decision decision, String what,
            @Nullable LocalDate supersededOn, @Nullable DecisionOutcome outcome) {
    }

    public DecisionLogReport {
        if (!individualDecisions && !rows.isEmpty()) {
            throw new IllegalArgumentException("A summary-only report holds no single decisions");
        }
        rows = List.copyOf(rows);
    }

    /**
     * The decision log, one row per decision, in the reader's words and with no internal id; for a
     * summary-only report, the what-works summary.
     */
    public byte[] toCsv(ReportTexts texts) {
        if (!individualDecisions) {
            return whatWorksCsv(texts);
        }
        var table = new CsvTable(List.of("decided_on", "client", "therapist", "decision", "what", "reasons", "owner",
                "follow_up_on", "status_at_decision", "status_at_follow_up", "improved_by_follow_up",
                "score_change_to_follow_up", "status_now", "status_now_since", "superseded", "rationale"));
        for (var row : rows) {
            var decision = row.decision();
            var outcome = row.outcome();
            var atFollowUp = outcome == null ? null : outcome.atFollowUp();
            table.row(Arrays.asList(decision.decidedOn(), row.client(), row.therapist(),
                    texts.get("decision." + decision.type().name()), row.what(), reasons(decision, texts), row.owner(),
                    decision.followUpOn(), status(decision.statusAtDecision(), texts),
                    atFollowUp == null ? null : status(atFollowUp, texts),
                    atFollowUp == null ? null : outcome.improved() ? "yes" : "no",
                    outcome == null ? null : outcome.scoreImprovement(),
                    outcome == null ? null : status(outcome.now(), texts),
                    outcome == null ? null : outcome.nowSince(),
                    superseded(row, texts), decision.rationale()));
        }
        return table.toBytes();
    }

    /**
     * Per decision type and approach: how many flagged cases past their follow-up, how many improved,
     * the share's interval and the base rate beside it.
     */
    private byte[] whatWorksCsv(ReportTexts texts) {
        var table = new CsvTable(List.of("period_from", "period_to", "decision", "approach", "flagged_cases_followed_up",
                "improved", "share_improved", "share_ci95_low", "share_ci95_high", "is_result", "against_base_rate",
                "median_days_to_less_severe", "base_rate_cases", "base_rate_improved", "base_rate_share",
                "base_rate_after_days"));
        var base = whatWorks.baseRate();
        for (var row : whatWorks.rows()) {
            var interval = row.outcome().interval();
            table.row(Arrays.asList(from, to, texts.get("decision." + row.type().name()), row.approach().name(), row.cases(), row.improved(),
                    rounded(row.outcome().share()), rounded(interval.low()), rounded(interval.high()), row.outcome().isResult(),
                    row.against(base).name(), row.medianDays(), base.cases(), base.improved(), rounded(base.share()),
                    WhatWorks.BASE_RATE_DAYS));
        }
        return table.toBytes();
    }

    private static double rounded(double share) {
        return Math.round(share * 1000) / 1000.0;
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
                            texts.get("decisions.status-at-follow-up"), texts.get("decisions.improved"),
                            texts.get("decisions.status-now")),
                    new float[] {0.07f, 0.06f, 0.08f, 0.26f, 0.09f, 0.07f, 0.07f, 0.07f, 0.06f, 0.17f});
            for (var row : rows) {
                var decision = row.decision();
                var outcome = row.outcome();
                // The mark comes first so that a long wording cut to the column still shows it.
                table.row(List.of(decision.decidedOn().toString(), row.client(), row.therapist(),
                        row.supersededOn() == null ? row.what()
                                : texts.get("decisions.superseded-what", row.supersededOn(), row.what()),
                        decision.reasons().stream().map(reason -> texts.get("reason." + reason.name())).sorted()
                                .collect(Collectors.joining(", ")),
                        decision.followUpOn().toString(), texts.get("case-status." + decision.statusAtDecision().name()),
                        outcome == null ? texts.get("decisions.not-yet") : atFollowUp(outcome, texts),
                        outcome == null ? "" : improved(outcome, texts),
                        outcome == null ? "" : now(outcome, texts)));
            }
        }
        whatWorks(document, texts);
        return document.toPdf();
    }

    private void whatWorks(PdfFlow document, ReportTexts texts) {
        var percent = NumberFormat.getPercentInstance(texts.locale());
        var base = whatWorks.baseRate();
        document.heading(texts.get("what-works.title")).paragraph(texts.get("what-works.about"));
        document.paragraph(base.cases() == 0 ? texts.get("what-works.base-rate.none", WhatWorks.BASE_RATE_DAYS)
                : texts.get("what-works.base-rate", base.cases(), base.improved(), interval(base, percent, texts),
                        WhatWorks.BASE_RATE_DAYS));
        document.paragraph(texts.get(individualDecisions ? "what-works.small" : "what-works.small.left-out",
                WhatWorks.MIN_CASES));
        if (whatWorks.rows().isEmpty()) {
            document.paragraph(texts.get(individualDecisions ? "what-works.empty" : "what-works.empty.summary",
                    WhatWorks.MIN_CASES));
            return;
        }
        var summary = document.table(List.of(texts.get("decisions.decision"), texts.get("what-works.approach"),
                        texts.get("what-works.cases"), texts.get("what-works.improved"), texts.get("what-works.share"),
                        texts.get("what-works.against"), texts.get("what-works.median-days")),
                new float[] {0.17f, 0.17f, 0.1f, 0.08f, 0.2f, 0.15f, 0.13f});
        for (var row : whatWorks.rows()) {
            var result = row.outcome().isResult();
            var median = row.medianDays();
            summary.row(List.of(texts.get("decision." + row.type().name()), row.approach().name(),
                    Integer.toString(row.cases()), Integer.toString(row.improved()),
                    result ? interval(row.outcome(), percent, texts) : texts.get("what-works.too-few", WhatWorks.MIN_CASES),
                    texts.get("what-works.comparison." + row.against(base).name()),
                    !result || median == null ? texts.get("what-works.no-figure") : Scores.format(median)));
        }
    }

    /** "60% (23% to 88%)": a share with its 95 % Wilson score interval. */
    private static String interval(WhatWorks.Share share, NumberFormat percent, ReportTexts texts) {
        var interval = share.interval();
        return texts.get("what-works.interval", percent.format(share.share()), percent.format(interval.low()),
                percent.format(interval.high()));
    }

    private static String atFollowUp(DecisionOutcome outcome, ReportTexts texts) {
        var status = outcome.atFollowUp();
        return status == null ? texts.get("decisions.not-known") : texts.get("case-status." + status.name());
    }

    /** "On track since 2026-01-12": the status now and the day it began. */
    private static String now(DecisionOutcome outcome, ReportTexts texts) {
        var status = texts.get("case-status." + outcome.now().name());
        return outcome.nowSince() == null ? status : texts.get("decisions.now-since", status, outcome.nowSince());
    }

    /** "yes (+7)": whether the case was less severe on the follow-up date, and how its primary score changed by then. */
    private static String improved(DecisionOutcome outcome, ReportTexts texts) {
        if (outcome.verdict() == DecisionOutcome.Verdict.NOT_KNOWN) {
            return texts.get("decisions.not-known");
        }
        var score = outcome.scoreImprovement();
        if (score == null || score == 0) {
            return texts.get(outcome.improved() ? "decisions.yes" : "decisions.no");
        }
        var change = (score > 0 ? "+" : "") + Scores.format(score);
        return texts.get(outcome.improved() ? "decisions.yes-change" : "decisions.no-change", change);
    }

    private static String reasons(Decision decision, ReportTexts texts) {
        return decision.reasons().stream().map(reason -> texts.get("reason." + reason.name())).sorted()
                .collect(Collectors.joining("; "));
    }

    private static String status(CaseStatus status, ReportTexts texts) {
        return texts.get("case-status." + status.name());
    }

    /** "superseded by the decision of 2026-10-02", or null for a decision no later one corrects. */
    private static @Nullable String superseded(Row row, ReportTexts texts) {
        return row.supersededOn() == null ? null : texts.get("decisions.superseded", row.supersededOn());
    }
}
