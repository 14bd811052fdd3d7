package org.unstuck.web.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.reports.meeting.MeetingPack;
import org.unstuck.web.caseload.CaseDetail;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.Texts;

/** The lines the walk-through card and the meeting pack show of an agenda case, in the reader's language. */
final class AgendaCaseLines {

    static final int LAST_SESSIONS = 3;

    private final CaseDetail theCase;
    private final Map<UserId, String> names;
    private final Texts texts;

    AgendaCaseLines(CaseDetail theCase, Map<UserId, String> names, Texts texts) {
        this.theCase = theCase;
        this.names = names;
        this.texts = texts;
    }

    List<String> signals() {
        var progress = theCase.progress();
        return progress == null ? List.of()
                : progress.signals().stream().map(signal -> texts.get("reason." + signal.reason().name()) + ": "
                        + signal.sentence(texts.locale())).toList();
    }

    List<String> lastSessions() {
        return theCase.sessions().stream()
                .sorted(Comparator.comparing(Session::date).reversed())
                .limit(LAST_SESSIONS)
                .map(this::session)
                .toList();
    }

    private String session(Session session) {
        var scores = session.scores().stream()
                .map(score -> score.measure().code().value() + " " + Labels.score(score.value()))
                .collect(Collectors.joining(", "));
        var attendance = texts.get("attendance." + session.attendance().name());
        return texts.date(session.date()) + " · " + attendance + (scores.isEmpty() ? "" : " · " + scores);
    }

    /** The decisions taken outside this meeting, newest first, a superseded one marked as corrected. */
    List<String> priorDecisions(MeetingId meeting) {
        var superseded = theCase.decisions().stream().map(Decision::supersedes).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return theCase.decisions().stream()
                .filter(decision -> !meeting.equals(decision.meeting()))
                .sorted(Comparator.comparing(Decision::decidedAt).reversed())
                .map(decision -> texts.get(superseded.contains(decision.id()) ? "meeting.card.decision.corrected"
                                : "meeting.card.decision", texts.date(decision.decidedOn()), what(decision),
                        MeetingPack.summary(decision.rationale())))
                .toList();
    }

    List<String> dueFollowUps(Set<DecisionId> due) {
        return theCase.decisions().stream()
                .filter(decision -> due.contains(decision.id()))
                .sorted(Comparator.comparing(Decision::followUpOn))
                .map(decision -> texts.get("meeting.card.due", what(decision), texts.date(decision.decidedOn()),
                        texts.date(decision.followUpOn())))
                .toList();
    }

    /** The latest note the reader may see, its answers in prompt order; the case page has already left out the others. */
    MeetingPack.@Nullable Note latestNote(ZoneId zone) {
        return theCase.notes().stream()
                .max(Comparator.comparing(note -> note.current().writtenAt()))
                .map(note -> new MeetingPack.Note(LocalDate.ofInstant(note.current().writtenAt(), zone),
                        names.getOrDefault(note.author(), ""), note.current().hardToWorkWith(),
                        note.current().answers().entrySet().stream()
                                .filter(answer -> !answer.getValue().isBlank())
                                .sorted(Map.Entry.comparingByKey())
                                .map(answer -> new MeetingPack.Answer(texts.get("note.prompt." + answer.getKey().name()),
                                        answer.getValue()))
                                .toList()))
                .orElse(null);
    }

    /** The latest note's author, day and first answer, for the walk-through card. */
    @Nullable String noteSummary(ZoneId zone) {
        var note = latestNote(zone);
        if (note == null) {
            return null;
        }
        var heading = texts.get("meeting.card.note", note.author(), texts.date(note.writtenOn()));
        return heading + (note.hardToWorkWith() ? " " + texts.get("meeting.card.note.hard") : "")
                + (note.answers().isEmpty() ? "" : " " + MeetingPack.promptAndAnswer(note.answers().getFirst()));
    }

    private String what(Decision decision) {
        return DecisionWording.what(texts, decision.details(), person -> names.getOrDefault(person, ""));
    }
}
