package org.unstuck.domain.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** The decision log: append-only; decisions are recorded, never changed or removed. */
public interface Decisions {

    Optional<Decision> find(DecisionId id);

    /** Records a new decision; returns it with its id. */
    Decision record(Decision decision);

    /** A case's decisions, oldest first. */
    List<Decision> onCase(CaseId caseId);

    /** Every decision made from one day to another, both included, oldest first; superseded ones too. */
    List<Decision> decidedBetween(LocalDate from, LocalDate to);

    /** The decisions recorded in a review meeting: its minutes, oldest first. */
    List<Decision> inMeeting(MeetingId meeting);

    /** How many decisions each of the meetings recorded; a meeting without any is left out. */
    Map<MeetingId, Integer> countInMeetings(Collection<MeetingId> meetings);

    /**
     * Decisions due for follow-up on that day: no later decision supersedes them, their follow-up is
     * not reviewed (see {@link FollowUpReviews}), and their follow-up date has come or the referral
     * they made was declined since their last review.
     */
    List<Decision> followUpsDueBy(LocalDate day);

    /** The decisions of one case due for follow-up on that day, by the same rule. */
    List<Decision> followUpsDueOnCase(CaseId caseId, LocalDate day);
}
