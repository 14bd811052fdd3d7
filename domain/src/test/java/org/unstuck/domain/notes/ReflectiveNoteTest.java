package org.unstuck.domain.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.caseload.Transfer;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.StallReason;

class ReflectiveNoteTest {

    private static final UserId AUTHOR = new UserId(4);
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void an_edit_adds_a_version_and_keeps_the_earlier_one() {
        var note = ReflectiveNote.write(new CaseId(1), AUTHOR, Map.of(NotePrompt.RELATIONSHIP, "Guarded, polite"), false, T0);
        var revised = note.revise(AUTHOR, Map.of(NotePrompt.RELATIONSHIP, "Guarded; she missed twice",
                NotePrompt.MY_REACTIONS, "Irritated"), true, T0.plusSeconds(3600));

        assertThat(revised.versions()).hasSize(2);
        assertThat(revised.versions().getFirst().answers()).containsExactly(Map.entry(NotePrompt.RELATIONSHIP, "Guarded, polite"));
        assertThat(revised.current().hardToWorkWith()).isTrue();
        assertThat(note.versions()).hasSize(1);
    }

    @Test
    void only_the_author_edits() {
        var note = ReflectiveNote.write(new CaseId(1), AUTHOR, Map.of(NotePrompt.METHOD_FIT, "CBT feels wrong"), false, T0);
        assertThatThrownBy(() -> note.revise(new UserId(5), Map.of(NotePrompt.METHOD_FIT, "x"), false, T0.plusSeconds(1)))
                .hasMessage("Only the author edits a reflective note");
    }

    @Test
    void blank_answers_are_dropped_and_an_empty_note_is_refused() {
        assertThatThrownBy(() -> ReflectiveNote.write(new CaseId(1), AUTHOR, Map.of(NotePrompt.METHOD_FIT, "   "), false, T0))
                .hasMessage("A reflective note answers at least one prompt or sets the flag");
        var flagOnly = ReflectiveNote.write(new CaseId(1), AUTHOR, Map.of(NotePrompt.METHOD_FIT, " "), true, T0);
        assertThat(flagOnly.current().answers()).isEmpty();
    }

    @Test
    void each_prompt_belongs_to_one_reason_a_rule_can_signal() {
        assertThat(NotePrompt.values()).extracting(NotePrompt::reason)
                .containsExactlyElementsOf(StallReason.signalled());
    }

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final UserId FIRST = new UserId(11);
    private static final UserId SECOND = new UserId(12);

    private static TherapyCase caseOf(UserId therapist, List<Transfer> transfers) {
        return new TherapyCase(new CaseId(1), 0, new ClientCode("C-1"), "Panic", new Approach("CBT"), MeasureCatalogue.GAD_7,
                null, LocalDate.of(2026, 1, 5), null, therapist, transfers);
    }

    private static ReflectiveNote hard(UserId author, String at) {
        return ReflectiveNote.write(new CaseId(1), author, Map.of(NotePrompt.MY_REACTIONS, "I dread these sessions"), true,
                Instant.parse(at));
    }

    @Test
    void the_therapists_own_latest_note_decides_whether_they_find_the_client_hard() {
        var untroubled = ReflectiveNote.write(new CaseId(1), FIRST, Map.of(NotePrompt.RELATIONSHIP, "Better now"), false,
                Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(ReflectiveNote.currentTherapistFindsItHard(caseOf(FIRST, List.of()),
                List.of(hard(FIRST, "2026-02-01T10:00:00Z")), MADRID)).isTrue();
        assertThat(ReflectiveNote.currentTherapistFindsItHard(caseOf(FIRST, List.of()),
                List.of(hard(FIRST, "2026-02-01T10:00:00Z"), untroubled), MADRID)).isFalse();
    }

    @Test
    void after_a_transfer_the_previous_therapists_note_no_longer_speaks_for_the_case() {
        var moved = caseOf(SECOND, List.of(new Transfer(FIRST, SECOND, LocalDate.of(2026, 3, 10), "Referral accepted")));
        assertThat(ReflectiveNote.currentTherapistFindsItHard(moved, List.of(hard(FIRST, "2026-03-09T10:00:00Z")), MADRID))
                .isFalse();
        assertThat(ReflectiveNote.currentTherapistFindsItHard(moved, List.of(hard(FIRST, "2026-03-09T10:00:00Z"),
                hard(SECOND, "2026-03-20T10:00:00Z")), MADRID)).isTrue();
    }

    @Test
    void a_case_come_back_counts_only_what_its_therapist_wrote_since_it_came_back() {
        var back = caseOf(FIRST, List.of(new Transfer(FIRST, SECOND, LocalDate.of(2026, 3, 10), "Referral accepted"),
                new Transfer(SECOND, FIRST, LocalDate.of(2026, 5, 4), "Referral accepted")));
        assertThat(ReflectiveNote.currentTherapistFindsItHard(back, List.of(hard(FIRST, "2026-03-01T10:00:00Z")), MADRID))
                .isFalse();
        // Written just after midnight in Madrid on the day it came back, still the evening before in UTC.
        assertThat(ReflectiveNote.currentTherapistFindsItHard(back, List.of(hard(FIRST, "2026-05-03T22:30:00Z")), MADRID))
                .isTrue();
    }
}
