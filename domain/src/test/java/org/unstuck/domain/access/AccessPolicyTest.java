package org.unstuck.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.Histories;

/** The access matrix of the product, one row per role. */
class AccessPolicyTest {

    private static final UserId ASSIGNED = Histories.THERAPIST;
    private static final UserId OTHER_THERAPIST = new UserId(8);

    private final Actor therapist = new Actor(ASSIGNED, Set.of(Role.THERAPIST), Set.of());
    private final Actor otherTherapist = new Actor(OTHER_THERAPIST, Set.of(Role.THERAPIST), Set.of());
    private final Actor supervisor = new Actor(new UserId(20), Set.of(Role.SUPERVISOR, Role.THERAPIST), Set.of(ASSIGNED));
    private final Actor otherSupervisor = new Actor(new UserId(21), Set.of(Role.SUPERVISOR), Set.of(OTHER_THERAPIST));
    private final Actor manager = new Actor(new UserId(30), Set.of(Role.PRACTICE_MANAGER), Set.of());
    private final Actor admin = new Actor(new UserId(40), Set.of(Role.ADMIN), Set.of());

    private final TherapyCase theCase = Histories.aCase(MeasureCatalogue.PHQ_9, null);
    private final ReflectiveNote note = ReflectiveNote.write(new CaseId(1), ASSIGNED,
            Map.of(NotePrompt.MY_REACTIONS, "I dread these sessions"), true, Instant.EPOCH);

    @Test
    void cases_are_read_by_their_therapist_and_that_therapists_supervisors_only() {
        assertThat(AccessPolicy.mayReadCase(therapist, theCase)).isTrue();
        assertThat(AccessPolicy.mayReadCase(supervisor, theCase)).isTrue();
        assertThat(AccessPolicy.mayReadCase(otherTherapist, theCase)).isFalse();
        assertThat(AccessPolicy.mayReadCase(otherSupervisor, theCase)).isFalse();
        assertThat(AccessPolicy.mayReadCase(manager, theCase)).isFalse();
        assertThat(AccessPolicy.mayReadCase(admin, theCase)).isFalse();
    }

    @Test
    void only_the_therapist_records_sessions_and_only_a_supervisor_decides() {
        assertThat(AccessPolicy.mayRecordOnCase(therapist, theCase)).isTrue();
        assertThat(AccessPolicy.mayRecordOnCase(supervisor, theCase)).isFalse();
        assertThat(AccessPolicy.mayDecideOnCase(supervisor, theCase)).isTrue();
        assertThat(AccessPolicy.mayDecideOnCase(therapist, theCase)).isFalse();
        assertThat(AccessPolicy.mayDecideOnCase(otherSupervisor, theCase)).isFalse();
    }

    @Test
    void notes_are_read_by_their_author_and_the_authors_supervisors_only() {
        assertThat(AccessPolicy.mayReadNote(therapist, note)).isTrue();
        assertThat(AccessPolicy.mayReadNote(supervisor, note)).isTrue();
        assertThat(AccessPolicy.mayReadNote(otherSupervisor, note)).isFalse();
        assertThat(AccessPolicy.mayReadNote(otherTherapist, note)).isFalse();
        assertThat(AccessPolicy.mayReadNote(manager, note)).isFalse();
        assertThat(AccessPolicy.mayReadNote(admin, note)).isFalse();
    }

    @Test
    void credentials_are_the_managers_and_each_therapist_sees_their_own() {
        assertThat(AccessPolicy.mayReadCredentials(manager, ASSIGNED)).isTrue();
        assertThat(AccessPolicy.mayReadCredentials(therapist, ASSIGNED)).isTrue();
        assertThat(AccessPolicy.mayReadCredentials(supervisor, ASSIGNED)).isTrue();
        assertThat(AccessPolicy.mayReadCredentials(otherTherapist, ASSIGNED)).isFalse();
        assertThat(AccessPolicy.mayReadCredentials(admin, ASSIGNED)).isFalse();
        assertThat(AccessPolicy.mayManageCredentials(manager)).isTrue();
        assertThat(AccessPolicy.mayManageCredentials(supervisor)).isFalse();
        assertThat(AccessPolicy.mayAddCpd(therapist, ASSIGNED)).isTrue();
        assertThat(AccessPolicy.mayAddCpd(therapist, OTHER_THERAPIST)).isFalse();
    }

    @Test
    void only_the_admin_administers_the_practice() {
        assertThat(AccessPolicy.mayAdministerPractice(admin)).isTrue();
        assertThat(AccessPolicy.mayAdministerPractice(manager)).isFalse();
        assertThat(AccessPolicy.mayAdministerPractice(supervisor)).isFalse();
    }
}
