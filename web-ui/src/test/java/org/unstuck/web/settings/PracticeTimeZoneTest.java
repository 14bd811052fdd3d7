package org.unstuck.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.practice.PracticeTimeZone;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.caseload.SessionEntry;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.PracticeClock;

/** The practice's days follow its own time zone, whatever zone the server runs in. */
@UnstuckAppTest
class PracticeTimeZoneTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired PracticeTimeZone timeZone;
    @Autowired PracticeClock clock;
    @Autowired MovableInstants instants;
    @Autowired CaseloadService caseload;
    @Autowired SettingsService settings;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void backToTheServersZoneAndTime() {
        instants.reset();
        jdbc.sql("DELETE FROM therapy_session WHERE session_date > current_date").update();
        timeZone.save(null, timeZone.timeZone().version());
        clock.zoneChanged(ZoneId.systemDefault());
    }

    private void practiceIn(ZoneId zone) {
        timeZone.save(zone, timeZone.timeZone().version());
        clock.zoneChanged(zone);
    }

    private long openCaseOf(String username) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.closed_on IS NULL ORDER BY c.id LIMIT 1""")
                .param("username", username).query(Long.class).single();
    }

    private static SessionEntry cancelledOn(LocalDate day) {
        return new SessionEntry(day, Attendance.CANCELLED, Map.of(), Homework.NOT_SET);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_session_at_half_past_midnight_in_madrid_on_the_first_is_today_while_utc_is_still_on_the_last_day_before() {
        var first = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
        // 00:30 in Madrid on the 1st is 23:30 or 22:30 on the day before in UTC.
        instants.set(first.atTime(LocalTime.of(0, 30)).atZone(MADRID).toInstant());
        var caseId = openCaseOf("therapist1");

        practiceIn(ZoneId.of("UTC"));
        assertThat(caseload.today()).isEqualTo(first.minusDays(1));
        assertThatThrownBy(() -> caseload.recordSession(caseId, cancelledOn(first)))
                .isInstanceOf(InvalidEntryException.class)
                .satisfies(refusal -> assertThat(((InvalidEntryException) refusal).fieldErrors()).containsKey("date"));

        practiceIn(MADRID);
        assertThat(caseload.today()).isEqualTo(first);
        caseload.recordSession(caseId, cancelledOn(first));
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id AND session_date = :day")
                .param("id", caseId).param("day", first).query(Integer.class).single()).isOne();
    }

    @Test
    @WithUserDetails("admin")
    void the_admin_sets_the_zone_by_name_and_an_unknown_name_is_refused_on_its_field() {
        var version = settings.timeZone().version();
        assertThat(settings.saveTimeZone("Europe/Madrid", version)).isEqualTo(MADRID);
        assertThat(settings.timeZone().value()).contains(MADRID);

        assertThatThrownBy(() -> settings.saveTimeZone("Europe/Atlantis", settings.timeZone().version()))
                .isInstanceOf(InvalidEntryException.class)
                .satisfies(refusal -> assertThat(((InvalidEntryException) refusal).fieldErrors())
                        .containsEntry("timeZone", "Choose a time zone from the list, such as Europe/Madrid, or leave it "
                                + "empty for the server's zone."));
        assertThat(settings.timeZone().value()).contains(MADRID);
        assertThatThrownBy(() -> settings.saveTimeZone("+02:00", settings.timeZone().version()))
                .isInstanceOf(InvalidEntryException.class);
        assertThat(settings.saveTimeZone(" ", settings.timeZone().version())).isEqualTo(ZoneId.systemDefault());
        assertThat(settings.timeZone().value()).isEmpty();
    }
}
