package org.unstuck.domain.notes;

import java.util.List;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** The stored reflective notes, each with every version. */
public interface ReflectiveNotes {

    Optional<ReflectiveNote> find(NoteId id);

    /** The notes on a case, oldest first. */
    List<ReflectiveNote> onCase(CaseId caseId);

    /** Stores a new note, or the new versions of an existing one; earlier versions are never changed. */
    ReflectiveNote save(ReflectiveNote note);
}
