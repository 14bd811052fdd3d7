package org.unstuck.persistence.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.Role;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

@PostgresTest
class ReflectiveNoteStorageTest {

    private static final Instant T0 = Instant.parse("2026-11-20T16:00:00Z");

    @Autowired ReflectiveNotes notes;
    @Autowired PracticeFixture practice;

    @Test
    void every_version_of_a_note_is_kept_and_comes_back_in_order() {
        var therapist = practice.user("nora", Role.THERAPIST);
        var caseId = practice.openCase(therapist, LocalDate.of(2026, 9, 1));
        var first = notes.save(ReflectiveNote.write(caseId, therapist,
                Map.of(NotePrompt.RELATIONSHIP, "Polite but guarded", NotePrompt.METHOD_FIT, "Thought records go nowhere"),
                false, T0));
        var second = notes.save(first.revise(therapist, Map.of(NotePrompt.MY_REACTIONS, "I feel dismissed and dread Tuesdays"),
                true, T0.plusSeconds(86_400)));

        assertThat(notes.onCase(caseId)).containsExactly(second);
        assertThat(second.versions()).hasSize(2);
        assertThat(second.versions().getFirst()).isEqualTo(first.current());
        assertThat(second.current().hardToWorkWith()).isTrue();
    }

    @Test
    void two_editors_of_the_same_version_cannot_both_add_the_next_one() {
        var therapist = practice.user("nico", Role.THERAPIST);
        var caseId = practice.openCase(therapist, LocalDate.of(2026, 9, 1));
        var stored = notes.save(ReflectiveNote.write(caseId, therapist, Map.of(NotePrompt.RELATIONSHIP, "Warm"), false, T0));

        notes.save(stored.revise(therapist, Map.of(NotePrompt.RELATIONSHIP, "Warm, tired"), false, T0.plusSeconds(60)));

        assertThatThrownBy(() -> notes.save(stored.revise(therapist, Map.of(NotePrompt.RELATIONSHIP, "Cold"), false,
                T0.plusSeconds(120))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(notes.find(stored.id()).orElseThrow().current().answers())
                .containsEntry(NotePrompt.RELATIONSHIP, "Warm, tired");
    }
}
