package org.unstuck.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

/** Stores the people and cases a persistence test needs, with names that never collide. */
@Component
public class PracticeFixture {

    private static final AtomicLong UNIQUE = new AtomicLong();

    private final UserAccounts accounts;
    private final Cases cases;

    PracticeFixture(UserAccounts accounts, Cases cases) {
        this.accounts = accounts;
        this.cases = cases;
    }

    public UserId user(String name, Role... roles) {
        var username = name + "." + UNIQUE.incrementAndGet();
        return Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username(username), name, "{bcrypt}x",
                Set.of(roles))).id());
    }

    public CaseId openCase(UserId therapist, LocalDate opened) {
        return Objects.requireNonNull(cases.save(new TherapyCase(null, 0, new ClientCode("C-" + UNIQUE.incrementAndGet()),
                "Low mood", new Approach("CBT"), MeasureCatalogue.PHQ_9, MeasureCatalogue.SRS, opened, null, therapist,
                List.of())).id());
    }
}
