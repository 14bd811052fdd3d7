package org.unstuck.persistence.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.domain.review.ReviewMeetings;

@Repository
@Transactional(readOnly = true)
class JdbcReviewMeetings implements ReviewMeetings {

    private static final String COLUMNS = "id, version, supervisor_id, meeting_date, starts_at, place, walk_position";

    private final JdbcClient jdbc;

    JdbcReviewMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Header(long id, long version, long supervisor, LocalDate date, LocalTime startsAt, String place,
            @Nullable Integer walkPosition) {
    }

    @Override
    public Optional<ReviewMeeting> find(MeetingId id) {
        return withDetails(jdbc.sql("SELECT " + COLUMNS + " FROM review_meeting WHERE id = :id")
                .param("id", id.value())
                .query(JdbcReviewMeetings::header)
                .list()).stream().findFirst();
    }

    /** The supervisor's meetings, latest first, read in three statements however many there are. */
    @Override
    public List<ReviewMeeting> ofSupervisor(UserId supervisor) {
        return withDetails(jdbc.sql("""
                SELECT %s FROM review_meeting
                WHERE supervisor_id = :supervisor ORDER BY meeting_date DESC, starts_at DESC, id DESC""".formatted(COLUMNS))
                .param("supervisor", supervisor.value())
                .query(JdbcReviewMeetings::header)
                .list());
    }

    @Override
    public Optional<ReviewMeeting> nextAttendedBy(UserId attendee, LocalDate from) {
        return next("id IN (SELECT meeting_id FROM meeting_attendee WHERE user_id = :person)", attendee, from);
    }

    @Override
    public Optional<ReviewMeeting> nextHeldBy(UserId supervisor, LocalDate from) {
        return next("supervisor_id = :person", supervisor, from);
    }

    /** The earliest meeting on or after the day, by day, time and number, of those the person is in as the condition says. */
    private Optional<ReviewMeeting> next(String personIn, UserId person, LocalDate from) {
        return withDetails(jdbc.sql("""
                SELECT %s FROM review_meeting WHERE meeting_date >= :from AND %s
                ORDER BY meeting_date, starts_at, id LIMIT 1""".formatted(COLUMNS, personIn))
                .param("person", person.value())
                .param("from", from)
                .query(JdbcReviewMeetings::header)
                .list()).stream().findFirst();
    }

    private static Header header(ResultSet row, int number) throws SQLException {
        return new Header(row.getLong("id"), row.getLong("version"), row.getLong("supervisor_id"),
                row.getObject("meeting_date", LocalDate.class), row.getObject("starts_at", LocalTime.class),
                row.getString("place"), row.getObject("walk_position", Integer.class));
    }

    /** The meetings with their attendees and agendas, one statement each for all of them. */
    private List<ReviewMeeting> withDetails(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        var ids = headers.stream().map(Header::id).toList();
        var attendees = new HashMap<Long, Set<UserId>>();
        jdbc.sql("SELECT meeting_id, user_id FROM meeting_attendee WHERE meeting_id IN (:ids)")
                .param("ids", ids)
                .query((row, number) -> attendees.computeIfAbsent(row.getLong("meeting_id"), meeting -> new HashSet<>())
                        .add(new UserId(row.getLong("user_id"))))
                .list();
        var agendas = new HashMap<Long, List<AgendaItem>>();
        jdbc.sql("SELECT meeting_id, case_id, why, follow_up_of FROM agenda_item WHERE meeting_id IN (:ids) ORDER BY position")
                .param("ids", ids)
                .query((row, number) -> agendas.computeIfAbsent(row.getLong("meeting_id"), meeting -> new ArrayList<>())
                        .add(new AgendaItem(new CaseId(row.getLong("case_id")), AgendaItem.Why.valueOf(row.getString("why")),
                                row.getObject("follow_up_of") == null ? null : new DecisionId(row.getLong("follow_up_of")))))
                .list();
        return headers.stream()
                .map(header -> new ReviewMeeting(new MeetingId(header.id()), header.version(), new UserId(header.supervisor()),
                        header.date(), header.startsAt(), header.place(), attendees.getOrDefault(header.id(), Set.of()),
                        agendas.getOrDefault(header.id(), List.of()), header.walkPosition()))
                .toList();
    }

    @Override
    @Transactional
    public ReviewMeeting save(ReviewMeeting meeting) {
        long id;
        if (meeting.id() == null) {
            id = jdbc.sql("""
                    INSERT INTO review_meeting (supervisor_id, meeting_date, starts_at, place, walk_position)
                    VALUES (:supervisor, :date, :startsAt, :place, :walk) RETURNING id""")
                    .param("supervisor", meeting.supervisor().value())
                    .param("date", meeting.date()).param("startsAt", meeting.startsAt()).param("place", meeting.place())
                    .param("walk", meeting.walkPosition(), Types.INTEGER)
                    .query(Long.class).single();
        } else {
            id = meeting.id().value();
            var updated = jdbc.sql("""
                    UPDATE review_meeting SET meeting_date = :date, starts_at = :startsAt, place = :place,
                        walk_position = :walk, version = version + 1
                    WHERE id = :id AND version = :version""")
                    .param("date", meeting.date()).param("startsAt", meeting.startsAt()).param("place", meeting.place())
                    .param("walk", meeting.walkPosition(), Types.INTEGER).param("id", id).param("version", meeting.version())
                    .update();
            if (updated == 0) {
                throw new ConcurrentChangeException("this review meeting");
            }
            jdbc.sql("DELETE FROM meeting_attendee WHERE meeting_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM agenda_item WHERE meeting_id = :id").param("id", id).update();
        }
        for (var attendee : meeting.attendees()) {
            jdbc.sql("INSERT INTO meeting_attendee (meeting_id, user_id) VALUES (:id, :user)")
                    .param("id", id).param("user", attendee.value()).update();
        }
        var position = 0;
        for (var item : meeting.agenda()) {
            jdbc.sql("""
                    INSERT INTO agenda_item (meeting_id, position, case_id, why, follow_up_of)
                    VALUES (:id, :position, :caseId, :why, :followUp)""")
                    .param("id", id)
                    .param("position", position++)
                    .param("caseId", item.caseId().value())
                    .param("why", item.why().name())
                    .param("followUp", item.followUpOf() == null ? null : item.followUpOf().value())
                    .update();
        }
        return find(new MeetingId(id)).orElseThrow();
    }
}
