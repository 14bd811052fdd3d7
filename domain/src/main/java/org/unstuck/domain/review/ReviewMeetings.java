package org.unstuck.domain.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.practice.UserId;

/** The stored review meetings. */
public interface ReviewMeetings {

    Optional<ReviewMeeting> find(MeetingId id);

    ReviewMeeting save(ReviewMeeting meeting);

    /** A supervisor's meetings, latest first. */
    List<ReviewMeeting> ofSupervisor(UserId supervisor);

    /** The first meeting on or after the day to which the person is invited. */
    Optional<ReviewMeeting> nextAttendedBy(UserId attendee, LocalDate from);

    /** The first meeting on or after the day that the supervisor holds. */
    Optional<ReviewMeeting> nextHeldBy(UserId supervisor, LocalDate from);
}
