package org.unstuck.web.review;

import org.unstuck.web.common.Texts;

/** The walk-through card of a case on one of the signed-in supervisor's meetings; the reports package provides it. */
public interface MeetingCards {

    WalkCard card(long meetingNumber, long caseId, Texts texts);
}
