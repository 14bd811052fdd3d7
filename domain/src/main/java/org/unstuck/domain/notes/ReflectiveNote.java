package org.unstuck.domain.notes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;

/**
 * A therapist's reflective note on a case. Visible to its author and the author's supervisors
 * only. Every edit is a new version; earlier versions are kept.
 */
public record ReflectiveNote(@Nullable NoteId id, CaseId caseId, UserId author, List<NoteVersion> versions) {

    public ReflectiveNote {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A note has at least one version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).writtenAt().isBefore(versions.get(i - 1).writtenAt())) {
                throw new IllegalArgumentException("Note versions are kept in the order they were written");
            }
        }
        versions = List.copyOf(versions);
    }

    public static ReflectiveNote write(CaseId caseId, UserId author, Map<NotePrompt, String> answers, boolean hardToWorkWith,
            Instant at) {
        return new ReflectiveNote(null, caseId, author, List.of(new NoteVersion(answers, hardToWorkWith, at)));
    }

    /** A new version by the author; the earlier ones stay. */
    public ReflectiveNote revise(UserId by, Map<NotePrompt, String> answers, boolean hardToWorkWith, Instant at) {
        if (!by.equals(author)) {
            throw new IllegalStateException("Only the author edits a reflective note");
        }
        var all = new ArrayList<>(versions);
        all.add(new NoteVersion(answers, hardToWorkWith, at));
        return new ReflectiveNote(id, caseId, author, all);
    }

    public NoteVersion current() {
        return versions.getLast();
    }
}
