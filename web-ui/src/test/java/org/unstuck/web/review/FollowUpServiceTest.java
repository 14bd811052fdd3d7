package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.Texts;

@UnstuckAppTest
class FollowUpServiceTest {

    private static final Texts ENGLISH = new Texts(new DefaultI18NProvider(List.of(Locale.ENGLISH)), Locale.ENGLISH);

    @Autowired FollowUpService followUps;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

    private FollowUpHistoryFixture fixture() {
        return new FollowUpHistoryFixture(jdbc, decisions);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_sees_their_teams_due_follow_ups_with_status_then_and_now() {
        var rows = followUps.dueForMyTeam();
        var expected = jdbc.sql("""
                SELECT count(*) FROM decision d JOIN therapy_case c ON c.id = d.case_id
                JOIN user_account u ON u.id = c.therapist_id
                LEFT JOIN LATERAL (SELECT max(rf.answered_at) AS declined_at FROM referral rf
                                   WHERE rf.decision_id = d.id AND rf.state = 'DECLINED') referral ON true
                WHERE (d.follow_up_on <= current_date OR referral.declined_at IS NOT NULL)
                  AND u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2')
                  AND NOT EXISTS (SELECT 1 FROM decision later WHERE later.supersedes = d.id)
                  AND NOT EXISTS (SELECT 1 FROM follow_up_review r WHERE r.decision_id = d.id
                                  AND (referral.declined_at IS NULL OR r.reviewed_at >= referral.declined_at))""")
                .query(Integer.class).single();
        assertThat(rows).hasSize(expected);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.therapist()).isIn("Alex Morgan", "Sam Okafor", "Jordan Reyes", "Dr Daniel Costa");
            if (row.outcome() != null) {
                assertThat(row.outcome().before()).isEqualTo(row.decision().statusAtDecision());
            }
        });
    }

    @Test
    @WithUserDetails("supervisor2")
    void what_works_rests_on_flagged_cases_only_and_says_how_many() {
        assertThat(followUps.whatWorks(ReportPeriod.lastYear(LocalDate.now())).rows()).allSatisfy(row -> {
            assertThat(row.cases()).isPositive();
            assertThat(row.improved()).isBetween(0, row.cases());
        });
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_decision_log_holds_the_teams_decisions_and_reads_back_from_pdf_and_csv() throws Exception {
        var log = followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now()), ENGLISH);
        var expected = jdbc.sql("""
                SELECT count(*) FROM decision d JOIN therapy_case c ON c.id = d.case_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE d.decided_on > current_date - INTERVAL '1 year' AND u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2')""")
                .query(Integer.class).single();
        assertThat(log.rows()).hasSize(expected).isNotEmpty();
        try (var document = Loader.loadPDF(log.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Decision log", log.rows().getFirst().client(),
                    "What works");
        }
        assertThat(new String(log.toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8).lines().count()).isEqualTo(expected + 1);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_has_no_follow_up_board_or_decision_log() {
        assertThatThrownBy(() -> followUps.dueForMyTeam()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now()), ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_case_stalled_on_its_follow_up_date_and_on_track_a_week_later_is_unchanged_at_follow_up_and_on_track_since()
            throws Exception {
        var march = fixture().march(2001);

        var row = followUps.dueForMyTeam().stream()
                .filter(due -> due.decision().id().equals(march.onTrackOnlyAWeekLater().id())).findFirst().orElseThrow();

        assertThat(row.outcome().verdict()).isEqualTo(DecisionOutcome.Verdict.UNCHANGED);
        assertThat(row.outcome().atFollowUp()).isEqualTo(CaseStatus.STALLED);
        assertThat(row.outcome().now()).isEqualTo(CaseStatus.ON_TRACK);
        assertThat(row.outcome().nowSince()).isEqualTo(LocalDate.of(2001, 4, 5));
        assertThat(row.outcome().scoreImprovement()).as("18 at the decision, 16 by the follow-up date; the 7 came after")
                .isEqualTo(2.0);
        var report = followUps.decisionReport(march.period(), ENGLISH);
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Stalled Stalled no (+2) On track since 2001-04-05");
        }
    }

    @Test
    @WithUserDetails("supervisor1")
    void what_works_counts_by_the_follow_up_date_with_its_wilson_interval_against_the_base_rate() throws Exception {
        var march = fixture().march(2002);

        var summary = followUps.whatWorks(march.period());

        // Five decisions, three less severe on 29 March: 3 of 5, Wilson [0.231, 0.882]; days 10, 14, 20.
        var frequency = summary.rows().stream().filter(row -> row.type() == DecisionType.CHANGE_FREQUENCY).toList();
        assertThat(frequency).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(new WhatWorks.Share(5, 3));
            assertThat(row.outcome().interval().low()).isCloseTo(0.231, within(0.0005));
            assertThat(row.outcome().interval().high()).isCloseTo(0.882, within(0.0005));
            assertThat(row.medianDays()).isEqualTo(14.0);
        });
        // Base rate: eight cases flagged in March 2002. Six flagged on 1 March, of which the three on track by
        // 29 March improved; watch from 10 March still watch on 7 April; deteriorating from 20 March, watch on 17 April.
        assertThat(summary.baseRate()).isEqualTo(new WhatWorks.Share(8, 4));
        assertThat(frequency.getFirst().against(summary.baseRate())).isEqualTo(WhatWorks.Comparison.NO_CLEAR_DIFFERENCE);
        var alone = summary.rows().stream().filter(row -> row.type() == DecisionType.CONTINUE).toList();
        assertThat(alone).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(new WhatWorks.Share(1, 0));
            assertThat(row.against(summary.baseRate())).isEqualTo(WhatWorks.Comparison.TOO_FEW_CASES);
        });
        try (var document = Loader.loadPDF(followUps.decisionReport(march.period(), ENGLISH).toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("1 0 fewer than 5 cases: not a result",
                    "Change session frequency " + frequency.getFirst().approach().name() + " 5 3 60% (23% to 88%)");
        }
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_sees_no_group_of_fewer_than_five_cases() throws Exception {
        var period = fixture().march(2003).period();

        assertThat(followUps.whatWorks(period).rows()).isNotEmpty().allSatisfy(row -> assertThat(row.cases()).isGreaterThanOrEqualTo(5));
        var report = followUps.decisionReport(period, ENGLISH);
        assertThat(report.whatWorks().rows()).extracting(WhatWorks.Row::cases).containsOnly(5);
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("alone", "not a result -")
                    .contains("Rows resting on fewer than 5 cases are left out");
        }
        assertThat(new String(report.toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8)).doesNotContain("alone");
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_corrected_decision_counts_once_in_what_works_under_its_correction() {
        var fixture = fixture();
        var caseId = fixture.fixtureCase("Approach of 2005", LocalDate.of(2005, 1, 10), LocalDate.of(2005, 2, 1), "STALLED",
                LocalDate.of(2005, 3, 20), "ON_TRACK");
        var decidedOn = LocalDate.of(2005, 3, 1);
        var original = fixture.decide(caseId, new DecisionDetails.ChangeFrequency("Twice weekly"), decidedOn, decidedOn.plusDays(30));
        var therapist = new UserId(jdbc.sql("SELECT therapist_id FROM therapy_case WHERE id = :id").param("id", caseId)
                .query(Long.class).single());
        decisions.record(original.supersededBy(new DecisionDetails.ContinuePlan(), "Frequency cannot change; continue.",
                Set.of(StallReason.ALLIANCE), therapist, decidedOn.plusDays(31), original.decidedBy(),
                Instant.parse("2005-03-02T10:00:00Z"), decidedOn.plusDays(1)));

        var report = followUps.decisionReport(new ReportPeriod(LocalDate.of(2005, 1, 1), LocalDate.of(2005, 12, 31)), ENGLISH);

        assertThat(report.whatWorks().rows()).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(DecisionType.CONTINUE);
            assertThat(row.outcome()).isEqualTo(new WhatWorks.Share(1, 1));
        });
        assertThat(report.rows()).extracting(row -> row.decision().supersedes()).contains(original.id());
        assertThat(report.rows()).filteredOn(row -> row.decision().id().equals(original.id())).singleElement()
                .satisfies(row -> assertThat(row.supersededOn()).isEqualTo(decidedOn.plusDays(1)));
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_decision_log_csv_says_what_was_decided_in_readable_words_without_internal_ids() throws Exception {
        var fixture = fixture();
        var caseId = fixture.fixtureCase("IPT", LocalDate.of(2011, 1, 10), LocalDate.of(2011, 2, 1), "STALLED");
        var decidedOn = LocalDate.of(2011, 3, 1);
        var original = fixture.decide(caseId, new DecisionDetails.ChangeApproach(new Approach("IPT"), new Approach("CBT")),
                decidedOn, decidedOn.plusDays(30));
        var therapist = new UserId(jdbc.sql("SELECT therapist_id FROM therapy_case WHERE id = :id").param("id", caseId)
                .query(Long.class).single());
        var correction = decisions.record(original.supersededBy(new DecisionDetails.ChangeFrequency("Fortnightly"),
                "Corrected: the approach stays; sessions move to fortnightly.", Set.of(StallReason.CLIENT_ENGAGEMENT), therapist,
                decidedOn.plusDays(31), original.decidedBy(), Instant.parse("2011-03-02T10:00:00Z"), decidedOn.plusDays(1)));

        var csv = new String(followUps.decisionReport(new ReportPeriod(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31)),
                ENGLISH).toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8).substring(1);

        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).noneMatch(name -> name.matches("(.*_)?ids?(_.*)?") || name.equals("supersedes"));
            var records = parser.getRecords();
            assertThat(records).hasSize(2);
            var first = records.getFirst();
            assertThat(first.get("decision")).isEqualTo("Change approach");
            assertThat(first.get("what")).isEqualTo("Change approach: IPT → CBT");
            assertThat(first.get("reasons")).isEqualTo("Approach fit");
            assertThat(first.get("status_at_decision")).isEqualTo("Stalled");
            assertThat(first.get("owner")).isEqualTo("Alex Morgan");
            assertThat(first.get("superseded")).isEqualTo("superseded by the decision of 2011-03-02");
            var second = records.get(1);
            assertThat(second.get("what")).isEqualTo("Change session frequency to Fortnightly");
            assertThat(second.get("superseded")).isEmpty();
            var ids = List.of(caseId, original.id().value(), correction.id().value(), therapist.value(),
                    original.decidedBy().value());
            for (var record : records) {
                assertThat(record.toList()).as("no internal id in any cell").noneMatch(cell -> ids.stream()
                        .anyMatch(id -> cell.equals(Long.toString(id))));
            }
        }
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_follow_up_marked_reviewed_with_no_change_leaves_the_due_list_and_a_long_note_is_refused() {
        var fixture = fixture();
        var caseId = fixture.fixtureCase("Reviewed", LocalDate.of(2012, 1, 10), LocalDate.of(2012, 2, 1), "STALLED");
        var decision = fixture.decide(caseId, new DecisionDetails.ContinuePlan(), LocalDate.of(2012, 3, 1),
                LocalDate.of(2012, 3, 29));
        var number = decision.id().value();
        assertThat(followUps.dueForMyTeam()).anySatisfy(row -> assertThat(row.decision().id()).isEqualTo(decision.id()));

        assertThatThrownBy(() -> followUps.markReviewed(number, "x".repeat(301)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("note", "The note is at most 300 characters."));
        assertThat(followUps.dueForMyTeam()).anySatisfy(row -> assertThat(row.decision().id()).isEqualTo(decision.id()));

        followUps.markReviewed(number, "  ");

        assertThat(followUps.dueForMyTeam()).noneSatisfy(row -> assertThat(row.decision().id()).isEqualTo(decision.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_review WHERE decision_id = :id AND answered_by IS NULL AND note IS NULL")
                .param("id", number).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'follow-up.review' AND case_id = :id")
                .param("id", caseId).query(Integer.class).single()).isPositive();
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_supervisor_of_another_team_cannot_mark_a_follow_up_reviewed() {
        var fixture = fixture();
        var caseId = fixture.fixtureCase("Not mine", LocalDate.of(2013, 1, 10), LocalDate.of(2013, 2, 1), "STALLED");
        var decision = fixture.decide(caseId, new DecisionDetails.ContinuePlan(), LocalDate.of(2013, 3, 1),
                LocalDate.of(2013, 3, 29));
        assertThatThrownBy(() -> followUps.markReviewed(decision.id().value(), null)).isInstanceOf(CaseNotFoundException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_review WHERE decision_id = :id").param("id", decision.id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_demo_practice_answers_follow_ups_with_later_decisions_and_a_referral_declined_yesterday_is_due_again() {
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_review WHERE answered_by IS NOT NULL").query(Integer.class).single())
                .isPositive();
        var declinedYesterday = jdbc.sql("""
                SELECT decision_id FROM referral WHERE state = 'DECLINED' AND decline_reason LIKE 'My caseload is full%'
                  AND answered_at > now() - INTERVAL '2 days'""").query(Long.class).list();
        assertThat(declinedYesterday).isNotEmpty();
        assertThat(decisions.followUpsDueBy(LocalDate.now())).extracting(decision -> decision.id().value())
                .containsAll(declinedYesterday);
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_gets_the_what_works_summary_without_any_single_decision() throws Exception {
        var report = followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now()), ENGLISH);
        assertThat(report.individualDecisions()).isFalse();
        assertThat(report.rows()).isEmpty();
        var clients = jdbc.sql("SELECT code FROM client").query(String.class).list();
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("What works");
            assertThat(clients).noneMatch(text::contains);
        }
        var csv = new String(report.toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFperiod_from,period_to,decision,approach");
        assertThat(clients).noneMatch(csv::contains);
    }
}
