package org.unstuck.persistence.notes;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.notes.NoteId;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.NoteVersion;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserId;

/** Notes keep every version as its own row; a save adds the new version and never rewrites old ones. */
@Repository
@Transactional(readOnly = true)
class JdbcReflectiveNotes implements ReflectiveNotes {

    private static final Map<NotePrompt, String> COLUMNS = Map.of(
            NotePrompt.RELATIONSHIP, "relationship",
            NotePrompt.METHOD_FIT, "method_fit",
            NotePrompt.MY_REACTIONS, "my_reactions",
            NotePrompt.CLIENT_COLLABORATION, "client_collaboration",
            NotePrompt.WHAT_I_NEED_TO_LEARN, "what_i_need_to_learn");

    private final JdbcClient jdbc;

    JdbcReflectiveNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long noteId, long caseId, long authorId, NoteVersion version) {
    }

    @Override
    public Optional<ReflectiveNote> find(NoteId id) {
        return notes("n.id = :value", id.value()).stream().findFirst();
    }

    @Override
    public List<ReflectiveNote> onCase(CaseId caseId) {
        return notes("n.case_id = :value", caseId.value());
    }

    private List<ReflectiveNote> notes(String condition, long value) {
        var rows = jdbc.sql("""
                SELECT n.id, n.case_id, n.author_id, v.* FROM reflective_note n
                JOIN reflective_note_version v ON v.note_id = n.id
                WHERE %s ORDER BY n.id, v.version_number""".formatted(condition))
                .param("value", value)
                .query((row, number) -> {
                    var answers = new EnumMap<NotePrompt, String>(NotePrompt.class);
                    for (var column : COLUMNS.entrySet()) {
                        var text = row.getString(column.getValue());
                        if (text != null) {
                            answers.put(column.getKey(), text);
                        }
                    }
                    return new Row(row.getLong("id"), row.getLong("case_id"), row.getLong("author_id"),
                            new NoteVersion(answers, row.getBoolean("hard_to_work_with"),
                                    row.getTimestamp("written_at").toInstant()));
                })
                .list();
        var byNote = new LinkedHashMap<Long, List<Row>>();
        rows.forEach(row -> byNote.computeIfAbsent(row.noteId(), id -> new ArrayList<>()).add(row));
        return byNote.values().stream().map(versions -> new ReflectiveNote(new NoteId(versions.getFirst().noteId()),
                new CaseId(versions.getFirst().caseId()), new UserId(versions.getFirst().authorId()),
                versions.stream().map(Row::version).toList())).toList();
    }

    @Override
    @Transactional
    public ReflectiveNote save(ReflectiveNote note) {
        long noteId;
        int stored;
        if (note.id() == null) {
            noteId = jdbc.sql("INSERT INTO reflective_note (case_id, author_id) VALUES (:caseId, :author) RETURNING id")
                    .param("caseId", note.caseId().value())
                    .param("author", note.author().value())
                    .query(Long.class).single();
            stored = 0;
        } else {
            noteId = note.id().value();
            // Locks the note so two editors cannot both append "the next" version.
            jdbc.sql("SELECT id FROM reflective_note WHERE id = :id FOR UPDATE").param("id", noteId).query(Long.class).single();
            stored = jdbc.sql("SELECT count(*) FROM reflective_note_version WHERE note_id = :id")
                    .param("id", noteId).query(Integer.class).single();
        }
        var versions = note.versions();
        if (stored > versions.size() || stored < versions.size() - 1 || !sameHistory(noteId, stored, versions)) {
            throw new ConcurrentChangeException("this reflective note");
        }
        for (int number = stored + 1; number <= versions.size(); number++) {
            insertVersion(noteId, number, versions.get(number - 1));
        }
        return find(new NoteId(noteId)).orElseThrow();
    }

    /** The versions already stored are the ones the editor started from. */
    private boolean sameHistory(long noteId, int stored, List<NoteVersion> versions) {
        if (stored == 0) {
            return true;
        }
        var storedVersions = find(new NoteId(noteId)).orElseThrow().versions();
        for (int i = 0; i < stored; i++) {
            if (!comparable(storedVersions.get(i)).equals(comparable(versions.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL keeps microseconds. */
    private static NoteVersion comparable(NoteVersion version) {
        return new NoteVersion(version.answers(), version.hardToWorkWith(), version.writtenAt().truncatedTo(ChronoUnit.MICROS));
    }

    private void insertVersion(long noteId, int number, NoteVersion version) {
        jdbc.sql("""
                INSERT INTO reflective_note_version (note_id, version_number, relationship, method_fit, my_reactions,
                    client_collaboration, what_i_need_to_learn, hard_to_work_with, written_at)
                VALUES (:note, :number, :relationship, :methodFit, :myReactions, :collaboration, :learn, :hard, :at)""")
                .param("note", noteId)
                .param("number", number)
                .param("relationship", answer(version, NotePrompt.RELATIONSHIP))
                .param("methodFit", answer(version, NotePrompt.METHOD_FIT))
                .param("myReactions", answer(version, NotePrompt.MY_REACTIONS))
                .param("collaboration", answer(version, NotePrompt.CLIENT_COLLABORATION))
                .param("learn", answer(version, NotePrompt.WHAT_I_NEED_TO_LEARN))
                .param("hard", version.hardToWorkWith())
                .param("at", Timestamp.from(version.writtenAt()))
                .update();
    }

    private static @Nullable String answer(NoteVersion version, NotePrompt prompt) {
        return version.answers().get(prompt);
    }
}
