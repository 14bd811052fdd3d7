package org.unstuck.domain.notes;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One version of a reflective note: the answers given, and whether the therapist says they find
 * it hard to work with this client. Prompts left blank are absent.
 */
public record NoteVersion(Map<NotePrompt, String> answers, boolean hardToWorkWith, Instant writtenAt) {

    public static final int MAX_ANSWER_LENGTH = 4000;

    public NoteVersion {
        var kept = new EnumMap<NotePrompt, String>(NotePrompt.class);
        answers.forEach((prompt, text) -> {
            var stripped = text.strip();
            if (stripped.length() > MAX_ANSWER_LENGTH) {
                throw new IllegalArgumentException("An answer is at most " + MAX_ANSWER_LENGTH + " characters; the one to "
                        + prompt + " has " + stripped.length());
            }
            if (!stripped.isEmpty()) {
                kept.put(prompt, stripped);
            }
        });
        if (kept.isEmpty() && !hardToWorkWith) {
            throw new IllegalArgumentException("A reflective note answers at least one prompt or sets the flag");
        }
        answers = Map.copyOf(kept);
    }
}
