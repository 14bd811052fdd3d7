package org.unstuck.web.practice;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.practice.AccountChangeRequest;
import org.unstuck.persistence.practice.AccountChangeRequest.Asked;
import org.unstuck.persistence.practice.AccountChangeRequest.Kind;
import org.unstuck.persistence.practice.AccountChangeRequest.Status;
import org.unstuck.persistence.practice.JdbcAccountChangeRequests;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentUser;
import org.unstuck.web.security.UserSessions;

/**
 * The second pair of eyes on every change that opens clinical records to someone: an admin asks,
 * another admin or the practice manager approves or rejects, and the change is made only on
 * approval. Nobody approves what they asked for, nor a change that opens records to themselves.
 * Supervisors and the manager see what was decided.
 */
@Service
@Transactional
public class AccountChanges {

    static final String REQUEST = "request";
    /** How far back the decided changes are shown. */
    static final Duration DECIDED_SHOWN = Duration.ofDays(30);

    private final JdbcAccountChangeRequests requests;
    private final JdbcSecondFactors secondFactors;
    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final UserSessions sessions;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final Clock clock;

    AccountChanges(JdbcAccountChangeRequests requests, JdbcSecondFactors secondFactors, UserAccounts accounts,
            SupervisionPairs supervision, UserSessions sessions, CurrentUser currentUser, AuditRecorder audit, Clock clock) {
        this.requests = requests;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.supervision = supervision;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A request as people read it.
     *
     * @param account the display name of whose access changes (or of the new account)
     * @param supervisor the supervisor's display name, for a supervision pair
     * @param mayDecide whether the reader may approve or reject it
     * @param askedByReader whether the reader asked for it, and so may withdraw it
     */
    public record ChangeRow(long id, long version, Kind kind, String account, @Nullable String supervisor, Set<Role> roles,
            String requestedBy, Instant requestedAt, Status status, @Nullable String decidedBy, @Nullable Instant decidedAt,
            boolean mayDecide, boolean askedByReader) {

        /** The key of the sentence saying how it was decided. */
        public String outcomeKey() {
            return "approvals.outcome." + status.name();
        }
    }

    /** Stores the request in the asker's transaction; the change itself waits for approval. */
    void ask(Asked asked, String subject) {
        var by = Objects.requireNonNull(currentUser.account().id());
        requests.ask(asked, by, clock.instant());
        audit.allowed("account-change.ask", null, subject, asked.kind().name());
    }

    boolean usernameAskedFor(Username username) {
        return requests.usernameAskedFor(username.value());
    }

    /** Whether a request of this kind about this account (and supervisor) already waits. */
    boolean waiting(Kind kind, UserId account, @Nullable UserId supervisor) {
        return requests.waiting(kind, account, supervisor);
    }

    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
    @Transactional(readOnly = true)
    public List<ChangeRow> pending() {
        return rows(requests.pending());
    }

    /** What was approved, rejected or withdrawn in the last 30 days, for the admins, the manager and the supervisors. */
    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER", "SUPERVISOR"})
    @Transactional(readOnly = true)
    public List<ChangeRow> recentlyDecided() {
        return rows(requests.decidedSince(clock.instant().minus(DECIDED_SHOWN)));
    }

    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER", "SUPERVISOR"})
    public ZoneId zone() {
        return clock.getZone();
    }

    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
    public void approve(long id, long readVersion) {
        var request = waiting(id);
        var me = currentUser.account();
        var refusal = whyNot(request, me);
        if (refusal != null) {
            audit.refused("account-change.approve", null, "request " + id, refusal);
            throw new InvalidEntryException(Map.of(REQUEST, refusal));
        }
        requests.decide(id, readVersion, Status.APPROVED, Objects.requireNonNull(me.id()), clock.instant());
        apply(request);
        audit.allowed("account-change.approve", null, "request " + id, request.kind().name());
    }

    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
    public void reject(long id, long readVersion) {
        var request = waiting(id);
        var me = currentUser.account();
        if (request.requestedBy().equals(me.id())) {
            throw new InvalidEntryException(Map.of(REQUEST, "You asked for this change; withdraw it instead."));
        }
        requests.decide(id, readVersion, Status.REJECTED, Objects.requireNonNull(me.id()), clock.instant());
        audit.allowed("account-change.reject", null, "request " + id, request.kind().name());
    }

    @RolesAllowed("ADMIN")
    public void withdraw(long id, long readVersion) {
        var request = waiting(id);
        var me = currentUser.account();
        if (!request.requestedBy().equals(me.id())) {
            throw new InvalidEntryException(Map.of(REQUEST, "Only the person who asked for a change withdraws it."));
        }
        requests.decide(id, readVersion, Status.WITHDRAWN, Objects.requireNonNull(me.id()), clock.instant());
        audit.allowed("account-change.withdraw", null, "request " + id, request.kind().name());
    }

    private AccountChangeRequest waiting(long id) {
        return requests.find(id).filter(request -> request.status() == Status.PENDING)
                .orElseThrow(() -> new InvalidEntryException(Map.of(REQUEST,
                        "This request is no longer waiting: someone decided it meanwhile.")));
    }

    /** Why the person may not approve the request, if they may not. */
    private static @Nullable String whyNot(AccountChangeRequest request, UserAccount approver) {
        if (request.requestedBy().equals(approver.id())) {
            return "You asked for this change; another admin or the practice manager approves it.";
        }
        if (approver.id().equals(request.account()) || approver.id().equals(request.supervisor())
                || approver.username().value().equals(request.username())) {
            return "This change opens clinical records to you; another admin or the practice manager approves it.";
        }
        return null;
    }

    private void apply(AccountChangeRequest request) {
        switch (request.kind()) {
            case NEW_ACCOUNT -> {
                var username = new Username(Objects.requireNonNull(request.username()));
                if (accounts.findByUsername(username).isPresent()) {
                    throw new InvalidEntryException(Map.of(REQUEST, "The username " + username
                            + " was taken meanwhile; reject this request and ask again with another."));
                }
                accounts.save(UserAccount.withPasswordChosenForThem(username, Objects.requireNonNull(request.displayName()),
                        Objects.requireNonNull(request.passwordHash()), request.roles()));
                audit.allowed("user.add", null, UserAdministration.rolesOf(username, request.roles()));
            }
            case ROLE_GRANT -> {
                var account = stored(request.account());
                var roles = EnumSet.copyOf(account.roles());
                roles.addAll(request.roles());
                accounts.save(account.renamedWithRoles(account.displayName(), roles));
                audit.allowed("user.edit", null, UserAdministration.rolesOf(account.username(), roles));
                sessions.endAll(account.username());
            }
            case SUPERVISION_PAIR -> {
                var therapist = stored(request.account());
                var supervisor = stored(request.supervisor());
                if (!therapist.hasRole(Role.THERAPIST) || !supervisor.hasRole(Role.SUPERVISOR) || !supervisor.enabled()) {
                    throw new InvalidEntryException(Map.of(REQUEST, supervisor.displayName() + " can no longer supervise "
                            + therapist.displayName() + " (a role changed or the account was disabled); reject this request."));
                }
                if (supervision.superviseesOf(Objects.requireNonNull(supervisor.id())).stream()
                        .noneMatch(supervisee -> supervisee.id().equals(therapist.id()))) {
                    supervision.add(supervisor.id(), Objects.requireNonNull(therapist.id()));
                }
                audit.allowed("supervision.add", null, UserAdministration.pair(supervisor, therapist));
            }
            case SECOND_FACTOR_RESET -> {
                var account = stored(request.account());
                secondFactors.reset(Objects.requireNonNull(account.id()));
                audit.allowed("second-factor.reset", null, account.username().value());
                sessions.endAll(account.username());
            }
            case PASSWORD_RESET -> {
                var account = stored(request.account());
                accounts.save(account.withPasswordChosenForThem(Objects.requireNonNull(request.passwordHash())));
                audit.allowed("user.password", null, account.username().value());
                sessions.endAll(account.username());
            }
        }
    }

    private UserAccount stored(@Nullable UserId id) {
        return accounts.find(Objects.requireNonNull(id))
                .orElseThrow(() -> new InvalidEntryException(Map.of(REQUEST, "The account of this request no longer exists.")));
    }

    private List<ChangeRow> rows(List<AccountChangeRequest> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        var names = accounts.all().stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        var me = currentUser.account();
        var decider = me.hasRole(Role.ADMIN) || me.hasRole(Role.PRACTICE_MANAGER);
        return found.stream().map(request -> new ChangeRow(request.id(), request.version(), request.kind(),
                request.account() == null ? request.displayName() + " (" + request.username() + ")"
                        : name(names, request.account()),
                request.supervisor() == null ? null : name(names, request.supervisor()), request.roles(),
                name(names, request.requestedBy()), request.requestedAt(), request.status(),
                request.decidedBy() == null ? null : name(names, request.decidedBy()), request.decidedAt(),
                decider && request.status() == Status.PENDING && whyNot(request, me) == null,
                request.requestedBy().equals(me.id()))).toList();
    }

    private static String name(Map<UserId, UserAccount> accounts, UserId id) {
        var account = accounts.get(id);
        return account == null ? "#" + id.value() : account.displayName() + " (" + account.username() + ")";
    }
}
