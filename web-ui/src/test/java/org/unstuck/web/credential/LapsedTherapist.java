package org.unstuck.web.credential;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/** A therapist of the tests' own whose licence ended last week, so no demo login is changed. */
public record LapsedTherapist(String username, String displayName) {

    public static final String PASSWORD = "lapsed-password-1";

    public static LapsedTherapist create(UserAccounts accounts, Credentials credentials, String passwordHash) {
        var suffix = Long.toString(System.nanoTime() % 1_000_000);
        var username = "lapsed." + suffix;
        var displayName = "Lapsed Therapist " + suffix;
        var id = Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username(username), displayName,
                passwordHash, Set.of(Role.THERAPIST))).id());
        var today = LocalDate.now();
        credentials.save(new Credential(null, 0, id, CredentialType.LICENCE, "Practitioner psychologist", "PYL99", "HCPC",
                "United Kingdom", today.minusYears(2), today.minusDays(7), null));
        credentials.save(new Credential(null, 0, id, CredentialType.REGISTRATION, "Accredited member", "M1", "BABCP",
                "United Kingdom", today.minusYears(2), today.plusYears(1), null));
        credentials.save(new Credential(null, 0, id, CredentialType.INSURANCE, "Indemnity", "PI-1", "Balens",
                "United Kingdom", today.minusMonths(6), today.plusMonths(6), null));
        credentials.addCpd(new CpdEntry(id, today.minusMonths(1), 30, "Supervision skills"));
        return new LapsedTherapist(username, displayName);
    }
}
