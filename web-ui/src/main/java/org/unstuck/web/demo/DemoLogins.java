package org.unstuck.web.demo;

import java.util.List;
import java.util.Set;
import org.unstuck.domain.practice.Role;

/** The demo practice's people, who signs in as whom, and who supervises whom. */
final class DemoLogins {

    static final String PASSWORD = "demo-password";

    record DemoPerson(String username, String displayName, Set<Role> roles) {
    }

    record DemoPair(String supervisor, String therapist) {
    }

    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("therapist1", "Alex Morgan", Set.of(Role.THERAPIST)),
            new DemoPerson("therapist2", "Sam Okafor", Set.of(Role.THERAPIST)),
            new DemoPerson("therapist3", "Jordan Reyes", Set.of(Role.THERAPIST)),
            new DemoPerson("therapist4", "Nina Berg", Set.of(Role.THERAPIST)),
            new DemoPerson("supervisor1", "Dr Ruth Lindqvist", Set.of(Role.SUPERVISOR, Role.THERAPIST)),
            new DemoPerson("supervisor2", "Dr Daniel Costa", Set.of(Role.SUPERVISOR, Role.THERAPIST)),
            new DemoPerson("manager", "Priya Shah", Set.of(Role.PRACTICE_MANAGER)),
            new DemoPerson("admin", "Chris Bell", Set.of(Role.ADMIN)));

    static final List<DemoPair> SUPERVISION = List.of(
            new DemoPair("supervisor1", "therapist1"),
            new DemoPair("supervisor1", "therapist2"),
            new DemoPair("supervisor1", "therapist3"),
            new DemoPair("supervisor2", "therapist3"),
            new DemoPair("supervisor2", "therapist4"),
            new DemoPair("supervisor1", "supervisor2"),
            new DemoPair("supervisor2", "supervisor1"));

    private DemoLogins() {
    }
}
