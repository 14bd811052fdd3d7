package org.unstuck.web.demo;

import java.util.EnumMap;
import java.util.Map;
import org.unstuck.domain.notes.NotePrompt;

/** What the demo's therapists write in their reflective notes on a course that is not moving. */
final class DemoNotes {

    private DemoNotes() {
    }

    /** On a flat course: the method may not fit. */
    static Map<NotePrompt, String> methodDoesNotFit() {
        Map<NotePrompt, String> answers = new EnumMap<>(NotePrompt.class);
        answers.put(NotePrompt.METHOD_FIT, "We keep returning to the same thought records and nothing shifts. "
                + "I wonder whether behavioural work would suit her better.");
        answers.put(NotePrompt.CLIENT_COLLABORATION, "Attends every week and does most of the tasks.");
        answers.put(NotePrompt.WHAT_I_NEED_TO_LEARN, "More on behavioural activation for chronic low mood.");
        return answers;
    }

    /** On a weakening alliance, with the therapist finding the client hard to work with or not. */
    static Map<NotePrompt, String> tenseRelationship(boolean hardToWorkWith) {
        Map<NotePrompt, String> answers = new EnumMap<>(NotePrompt.class);
        answers.put(NotePrompt.RELATIONSHIP, "Sessions feel tense; he questions whether therapy can help at all.");
        answers.put(NotePrompt.MY_REACTIONS, hardToWorkWith
                ? "I notice I dread these sessions and feel defensive. I am not sure I am the right therapist."
                : "I feel challenged but curious.");
        return answers;
    }
}
