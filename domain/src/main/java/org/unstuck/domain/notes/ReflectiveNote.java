package org.unstuck.domain.notes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.TherapyCase;
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

    /**
     * Whether the case's current therapist finds it hard to work with this client: the latest note
     * they wrote on it since the case last came to them says so. A previous therapist's notes, and
     * the current one's from before the case last moved to them, no longer speak for the case.
     *
     * @param zone the practice's time zone, in which a transfer's day begins
     */
    public static boolean currentTherapistFindsItHard(TherapyCase theCase, List<ReflectiveNote> notes, ZoneId zone) {
        var therapist = theCase.therapist();
        var since = theCase.transfers().stream().filter(transfer -> transfer.to().equals(therapist))
                .map(transfer -> transfer.on().atStartOfDay(zone).toInstant()).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
        return notes.stream()
                .filter(note -> note.author().equals(therapist))
                .map(ReflectiveNote::current)
                .filter(version -> !version.writtenAt().isBefore(since))
                .max(Comparator.comparing(NoteVersion::writtenAt))
                .map(NoteVersion::hardToWorkWith)
                .orElse(false);
    }
}
