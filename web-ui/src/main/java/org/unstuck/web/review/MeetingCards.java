package org.unstuck.web.review;

import org.unstuck.web.common.Texts;

/** The walk-through card of a case on one of the signed-in supervisor's meetings; the reports package provides it. */
public interface MeetingCards {

    /** @param meeting the meeting as {@link MeetingService#meeting} read it for its screen */
    WalkCard card(MeetingService.MeetingDetail meeting, long caseId, Texts texts);
}
