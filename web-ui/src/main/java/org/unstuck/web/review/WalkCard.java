package org.unstuck.web.review;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the meeting's walk-through shows of one agenda case, cut to what the supervisor may see,
 * each line already in the reader's language.
 *
 * @param signals every signal the case carries, with its reason
 * @param lastSessions the latest sessions with their scores, newest first
 * @param note the opening of the latest reflective note the reader may see, or null
 * @param priorDecisions the decisions taken on the case before this meeting, newest first
 * @param dueFollowUps the decisions whose follow-up is due by the meeting's day
 */
public record WalkCard(List<String> signals, List<String> lastSessions, @Nullable String note, List<String> priorDecisions,
        List<String> dueFollowUps) {

    public WalkCard {
        signals = List.copyOf(signals);
        lastSessions = List.copyOf(lastSessions);
        priorDecisions = List.copyOf(priorDecisions);
        dueFollowUps = List.copyOf(dueFollowUps);
    }
}
