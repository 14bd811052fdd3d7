package org.unstuck.web.review;

import org.unstuck.reports.meeting.MeetingPack;
import org.unstuck.web.common.Texts;

/** Builds the pack of one of the signed-in supervisor's meetings; the reports package provides it. */
public interface MeetingPacks {

    MeetingPack pack(long meetingNumber, Texts texts);
}
