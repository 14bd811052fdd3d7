package org.unstuck.web.review;

/** No meeting with that number among the signed-in supervisor's own. */
public class MeetingNotFoundException extends RuntimeException {

    public MeetingNotFoundException(long meetingId) {
        super("No meeting " + meetingId + " of yours");
    }
}
