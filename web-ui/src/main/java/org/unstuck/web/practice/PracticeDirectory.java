package org.unstuck.web.practice;

import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.security.CurrentUser;

/** Who works in the practice, each use case limited to the roles that need it. */
@Service
@Transactional(readOnly = true)
public class PracticeDirectory {

    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final CurrentUser currentUser;
    private final JdbcSecondFactors secondFactors;

    PracticeDirectory(UserAccounts accounts, SupervisionPairs supervision, CurrentUser currentUser,
            JdbcSecondFactors secondFactors) {
        this.accounts = accounts;
        this.supervision = supervision;
        this.currentUser = currentUser;
        this.secondFactors = secondFactors;
    }

    /** Where each account stands with its second factor, by username. */
    @RolesAllowed("ADMIN")
    public Map<String, SecondFactorStanding> secondFactors() {
        var byName = new HashMap<String, SecondFactorStanding>();
        secondFactors.standings().forEach((username, standing) -> byName.put(username,
                SecondFactorStanding.valueOf(standing.name())));
        return byName;
    }

    /** Every account with its roles and supervisors, for the admin. */
    @RolesAllowed("ADMIN")
    public List<PersonRow> everyone() {
        return accounts.all().stream().map(this::withSupervisors).toList();
    }

    /** The therapists the signed-in supervisor supervises. */
    @RolesAllowed("SUPERVISOR")
    public List<PersonRow> mySupervisees() {
        var me = Objects.requireNonNull(currentUser.account().id());
        return supervision.superviseesOf(me).stream().map(this::withSupervisors).toList();
    }

    /** Every account that carries a caseload, for the practice manager. */
    @RolesAllowed("PRACTICE_MANAGER")
    public List<PersonRow> therapists() {
        return accounts.all().stream()
                .filter(account -> account.hasRole(Role.THERAPIST))
                .map(this::withSupervisors)
                .toList();
    }

    private PersonRow withSupervisors(UserAccount account) {
        return PersonRow.of(account, supervision.supervisorsOf(Objects.requireNonNull(account.id())));
    }
}
