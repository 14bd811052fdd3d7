package org.unstuck.reports.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.chart.TrajectoryChart;

class MeetingPackTest {

    private static final LocalDate MEETING = LocalDate.of(2026, 12, 3);
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);
    private static final String LONG_ANSWER = "We keep circling back to the same worry about work. ".repeat(8) + "FINAL-WORDS";

    private static TrajectoryChart chart(String title) {
        return new TrajectoryChart(title, title + " by session", 0, 27, true,
                List.of(new TrajectoryChart.Point(1, 18), new TrajectoryChart.Point(2, 17), new TrajectoryChart.Point(3, 17)),
                10.0, "Clinical cut-off 10", 6.0, "No reliable change", List.of(), "Session");
    }

    private static MeetingPack fixture() {
        var stalled = new MeetingPack.Item("C-0007", "Alex Morgan", "CBT", "Stalled", "Stalled",
                List.of("Approach fit: PHQ-9 18 → 17 over 6 sessions; reliable improvement needs a drop of 6."),
                List.of(chart("PHQ-9 outcome"), chart("WAI-SR alliance")),
                List.of("2026-11-26 Attended: PHQ-9 17", "2026-11-19 No-show"),
                new MeetingPack.Note(LocalDate.of(2026, 11, 20), "Alex Morgan", true,
                        List.of(new MeetingPack.Answer("The relationship", LONG_ANSWER))),
                List.of("2026-10-08: Continue with plan (follow-up 2026-11-19)"),
                List.of("Continue with plan, decided 2026-10-08, follow-up due 2026-11-19"),
                List.of(new MeetingPack.DecisionLine("Change approach", "Approach fit", "Alex Morgan", LocalDate.of(2027, 1, 7),
                        "Try behavioural activation for six sessions.")));
        var followUp = new MeetingPack.Item("C-0031", "Sam Okafor", "EMDR", "Watch", "Follow-up due", List.of(),
                List.of(chart("GAD-7 outcome")), List.of(), null, List.of(), List.of(), List.of());
        return new MeetingPack(MEETING, TWO_PM, "Room 2", "Dr Ruth Lindqvist", List.of("Alex Morgan", "Sam Okafor"), MEETING.minusDays(1),
                List.of(stalled, followUp));
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_cover_names_the_meeting_and_lists_the_agenda() throws IOException {
        var text = text(fixture().toPdf(ReportTexts.ENGLISH));
        assertThat(text).contains("Review meeting pack", "Meeting on 2026-12-03 at 14:00, Room 2", "Supervisor: Dr Ruth Lindqvist",
                "Attendees: Alex Morgan, Sam Okafor", "1 C-0007 Alex Morgan CBT Stalled", "2 C-0031 Sam Okafor EMDR Follow-up due");
    }

    @Test
    void each_case_has_its_own_pages_with_signals_charts_note_summary_and_decisions() throws IOException {
        var pdf = fixture().toPdf(ReportTexts.ENGLISH);
        try (var document = Loader.loadPDF(pdf)) {
            var pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("1. C-0007 - Alex Morgan", "Approach fit: PHQ-9 18 -> 17 over 6 sessions",
                    "PHQ-9 outcome", "WAI-SR alliance", "Latest reflective note, Alex Morgan, 2026-11-20",
                    "The therapist finds it hard to work with this client.", "The relationship: We keep circling back",
                    "Change approach (Approach fit), owner Alex Morgan, follow-up on 2027-01-07",
                    "Last sessions", "2026-11-26 Attended: PHQ-9 17", "Decisions taken before",
                    "2026-10-08: Continue with plan (follow-up 2026-11-19)", "Follow-ups due",
                    "Continue with plan, decided 2026-10-08, follow-up due 2026-11-19",
                    "No session recorded yet.", "No earlier decision on this case.", "No follow-up due on this case.",
                    "2. C-0031 - Sam Okafor", "No signal on the latest assessment.", "None recorded yet.",
                    "GAD-7 outcome", "Confidential", "Page " + pages + " of " + pages);
            assertThat(text).as("a long answer is summarised").doesNotContain("FINAL-WORDS");
            for (int page = 0; page < pages; page++) {
                assertThat(document.getPage(page).getResources().getXObjectNames()).as("charts are vectors, not pictures")
                        .isEmpty();
            }
            var firstCase = new String(document.getPage(1).getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(firstCase).as("chart lines are drawn as paths").contains(" l\n");
        }
    }

    @Test
    void a_prompt_that_asks_is_followed_by_its_answer_without_a_colon() {
        assertThat(MeetingPack.promptAndAnswer(new MeetingPack.Answer("Does the method fit?", "Not yet.")))
                .isEqualTo("Does the method fit? Not yet.");
        assertThat(MeetingPack.promptAndAnswer(new MeetingPack.Answer("My own reactions", "I dread the sessions.")))
                .isEqualTo("My own reactions: I dread the sessions.");
    }

    @Test
    void a_case_without_a_readable_note_shows_no_note_heading() throws IOException {
        var withoutNotes = new MeetingPack(MEETING, TWO_PM, "Room 2", "Dr Ruth Lindqvist", List.of(), MEETING,
                List.of(fixture().agenda().get(1)));
        assertThat(text(withoutNotes.toPdf(ReportTexts.ENGLISH))).doesNotContain("reflective note", "circling back");
    }

    @Test
    void an_empty_agenda_says_so() throws IOException {
        assertThat(text(new MeetingPack(MEETING, TWO_PM, "Room 2", "Dr Ruth Lindqvist", List.of(), MEETING, List.of()).toPdf(ReportTexts.ENGLISH)))
                .contains("The agenda is empty", "Page 1 of 1");
    }
}
