package org.unstuck.domain.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.CaseId;
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
                .containsExactly(Arrays.stream(StallReason.values()).filter(StallReason::isSignalled)
                        .toArray(StallReason[]::new));
    }
}
