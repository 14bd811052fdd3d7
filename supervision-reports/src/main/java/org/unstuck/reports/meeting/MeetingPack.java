package org.unstuck.reports.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.chart.TrajectoryChart;
import org.unstuck.reports.pdf.PdfFlow;

/**
 * The pack a supervisor brings to a review meeting: a cover with the date, time, place, supervisor
 * and attendees and the agenda; then one section per case with its status, the signals in plain
 * sentences, the outcome and alliance charts, the last sessions, the latest reflective note the
 * reader may see, the decisions taken before, the follow-ups due, and the decisions recorded in
 * the meeting with their follow-up dates. Labels and lines arrive already in the reader's language.
 */
public record MeetingPack(LocalDate date, LocalTime startsAt, String place, String supervisor, List<String> attendees,
        LocalDate preparedOn, List<Item> agenda) {

    /** How long a note answer may run in the pack; the whole note stays on the case page. */
    static final int ANSWER_SUMMARY_LENGTH = 280;

    /**
     * One case on the agenda.
     *
     * @param why why the case is on the agenda, e.g. "Stalled" or "Follow-up due"
     * @param note the latest reflective note the reader may see, or null
     * @param lastSessions the latest sessions, one line each, newest first
     * @param priorDecisions the decisions taken on the case before this meeting, one line each, newest first
     * @param dueFollowUps the decisions whose follow-up is due by the meeting, one line each
     * @param decisions the decisions recorded in this meeting
     */
    public record Item(String client, String therapist, String approach, String status, String why, List<String> signals,
            List<TrajectoryChart> charts, List<String> lastSessions, @Nullable Note note, List<String> priorDecisions,
            List<String> dueFollowUps, List<DecisionLine> decisions) {

        public Item {
            signals = List.copyOf(signals);
            charts = List.copyOf(charts);
            lastSessions = List.copyOf(lastSessions);
            priorDecisions = List.copyOf(priorDecisions);
            dueFollowUps = List.copyOf(dueFollowUps);
            decisions = List.copyOf(decisions);
        }
    }

    public record Note(LocalDate writtenOn, String author, boolean hardToWorkWith, List<Answer> answers) {

        public Note {
            answers = List.copyOf(answers);
        }
    }

    public record Answer(String prompt, String text) {
    }

    public record DecisionLine(String decision, String reasons, String owner, LocalDate followUpOn, String rationale) {
    }

    public MeetingPack {
        attendees = List.copyOf(attendees);
        agenda = List.copyOf(agenda);
    }

    public byte[] toPdf(ReportTexts texts) {
        var pdf = PdfFlow.portrait(texts.get("pack.footer"), texts)
                .title(texts.get("pack.title"))
                .paragraphs(List.of(texts.get("pack.meeting", date, preparedOn, startsAt, place), texts.get("pack.supervisor", supervisor),
                        texts.get("pack.attendees", String.join(", ", attendees))))
                .heading(texts.get("pack.agenda"));
        if (agenda.isEmpty()) {
            pdf.paragraph(texts.get("pack.agenda.empty"));
        } else {
            var table = pdf.table(List.of("#", texts.get("pack.client"), texts.get("pack.therapist"), texts.get("pack.approach"),
                            texts.get("pack.why"), texts.get("pack.status")),
                    new float[] {0.05f, 0.11f, 0.2f, 0.3f, 0.17f, 0.17f});
            for (int i = 0; i < agenda.size(); i++) {
                var item = agenda.get(i);
                table.row(List.of(Integer.toString(i + 1), item.client(), item.therapist(), item.approach(), item.why(),
                        item.status()));
            }
        }
        for (int i = 0; i < agenda.size(); i++) {
            section(pdf.newPage(), i + 1, agenda.get(i), texts);
        }
        return pdf.toPdf();
    }

    private static void section(PdfFlow pdf, int number, Item item, ReportTexts texts) {
        pdf.title(number + ". " + item.client() + " - " + item.therapist())
                .paragraph(texts.get("pack.case", item.approach(), item.status(), item.why()))
                .heading(texts.get("pack.signals"));
        if (item.signals().isEmpty()) {
            pdf.paragraph(texts.get("pack.signals.none"));
        } else {
            pdf.bullets(item.signals());
        }
        item.charts().forEach(pdf::chart);
        pdf.heading(texts.get("pack.sessions"));
        lines(pdf, item.lastSessions(), texts.get("pack.sessions.none"));
        var note = item.note();
        if (note != null) {
            pdf.heading(texts.get("pack.note", note.author(), note.writtenOn()));
            var lines = new ArrayList<String>();
            if (note.hardToWorkWith()) {
                lines.add(texts.get("pack.note.hard"));
            }
            note.answers().forEach(answer -> lines.add(promptAndAnswer(answer)));
            pdf.bullets(lines);
        }
        pdf.heading(texts.get("pack.prior-decisions"));
        lines(pdf, item.priorDecisions(), texts.get("pack.prior-decisions.none"));
        pdf.heading(texts.get("pack.follow-ups-due"));
        lines(pdf, item.dueFollowUps(), texts.get("pack.follow-ups-due.none"));
        pdf.heading(texts.get("pack.decisions"));
        if (item.decisions().isEmpty()) {
            pdf.paragraph(texts.get("pack.decisions.none"));
        } else {
            pdf.bullets(item.decisions().stream()
                    .map(decision -> texts.get("pack.decision", decision.decision(), decision.reasons(), decision.owner(),
                            decision.followUpOn(), decision.rationale()))
                    .toList());
        }
    }

    private static void lines(PdfFlow pdf, List<String> lines, String none) {
        if (lines.isEmpty()) {
            pdf.paragraph(none);
        } else {
            pdf.bullets(lines);
        }
    }

    /** "Does the method fit? We keep…" or "My reactions: I dread…": a prompt that asks needs no colon. */
    public static String promptAndAnswer(Answer answer) {
        var prompt = answer.prompt().strip();
        return prompt + (prompt.endsWith("?") || prompt.endsWith(":") ? " " : ": ") + summary(answer.text());
    }

    /** The answer's opening, cut at a word and marked where it was cut. */
    public static String summary(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= ANSWER_SUMMARY_LENGTH) {
            return flat;
        }
        var cut = flat.lastIndexOf(' ', ANSWER_SUMMARY_LENGTH);
        return flat.substring(0, cut > 0 ? cut : ANSWER_SUMMARY_LENGTH) + " ...";
    }
}
