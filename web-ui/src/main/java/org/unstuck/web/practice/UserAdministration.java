package org.unstuck.web.practice;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UnsupervisedCaseload;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.practice.AccountChangeRequest.Asked;
import org.unstuck.persistence.practice.AccountChangeRequest.Kind;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentUser;
import org.unstuck.web.security.NewPasswords;
import org.unstuck.web.security.UserSessions;

/**
 * The admin's work on accounts: adding people, their names and roles, signing in or not, new
 * passwords and who supervises whom. Every change is audited, never with a password or its hash.
 * The practice always keeps an admin: nobody removes their own admin role or disables themselves.
 * What gives someone access (a new account, a role, a supervision pair, a password the admin
 * chose for someone else) is asked for and waits for a second person's approval, since every role
 * either opens clinical records or approves such changes; a password someone else chose is
 * replaced by its owner at their next sign-in.
 */
@Service
@Transactional
public class UserAdministration {

    static final String USERNAME = "username";
    static final String DISPLAY_NAME = "displayName";
    static final String ROLES = "roles";
    static final String ACCOUNT = "account";
    static final String SUPERVISEES = "supervisees";
    static final String SUPERVISOR = "supervisor";

    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final NewPasswords passwords;
    private final UserSessions sessions;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final AccountChanges changes;

    UserAdministration(UserAccounts accounts, SupervisionPairs supervision, NewPasswords passwords, UserSessions sessions,
            CurrentUser currentUser, AuditRecorder audit, AccountChanges changes) {
        this.accounts = accounts;
        this.supervision = supervision;
        this.passwords = passwords;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.changes = changes;
    }

    /**
     * A person added, at once or, with a clinical role, once a second person approves.
     *
     * @param awaitingApproval the account is made only when the request is approved
     */
    public record Added(String username, boolean awaitingApproval) {
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public AccountDetails account(String username) {
        var stored = versioned(username);
        var account = stored.value();
        var supervisees = supervision.superviseesOf(id(account)).stream()
                .map(supervisee -> supervisee.username().value()).collect(Collectors.toUnmodifiableSet());
        return new AccountDetails(account.username().value(), account.displayName(), account.roles(), account.enabled(),
                supervisees, stored.version());
    }

    /** Everyone who carries a caseload and so may be supervised, but the supervisor themself. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<PersonRow> possibleSupervisees(String supervisor) {
        return accounts.all().stream()
                .filter(account -> account.hasRole(Role.THERAPIST) && !account.username().value().equals(supervisor))
                .map(account -> PersonRow.of(account, List.of()))
                .toList();
    }

    /** Everyone with open cases whom no enabled supervisor reviews, supervisors who see clients included. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<UnsupervisedCaseload> unsupervisedCaseloads() {
        return supervision.unsupervisedCaseloads();
    }

    /**
     * The enabled supervisors who may review a person's caseload: any but the person themself, so
     * supervisors review each other, and never the admin choosing.
     */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<PersonRow> possibleSupervisors(String therapist) {
        return accounts.all().stream()
                .filter(account -> account.hasRole(Role.SUPERVISOR) && account.enabled()
                        && !account.username().value().equals(therapist) && !isMe(account))
                .map(account -> PersonRow.of(account, List.of()))
                .toList();
    }

    /**
     * Asks for the supervisor to review the therapist's caseload, beside any supervisors they already
     * have; the pair is made once a second person approves.
     */
    @RolesAllowed("ADMIN")
    public void addSupervisor(String therapistName, @Nullable String supervisorName) {
        var therapist = versioned(therapistName).value();
        if (supervisorName == null || supervisorName.isBlank()) {
            throw new InvalidEntryException(Map.of(SUPERVISOR, "Choose who supervises " + therapist.displayName() + "."));
        }
        var supervisor = findByName(supervisorName).orElseThrow(() -> new InvalidEntryException(Map.of(SUPERVISOR,
                "There is no account named " + supervisorName + "; choose one of the practice's supervisors.")));
        if (!supervisor.enabled()) {
            throw new InvalidEntryException(Map.of(SUPERVISOR, supervisor.displayName()
                    + " cannot sign in, so would review nothing; choose a supervisor who can."));
        }
        if (!therapist.hasRole(Role.THERAPIST)) {
            throw new InvalidEntryException(Map.of(SUPERVISOR, "Only therapists are supervised; give "
                    + therapist.displayName() + " the therapist role first, or move their cases to a colleague."));
        }
        var supervisees = new HashSet<>(account(supervisorName).supervisees());
        supervisees.add(therapistName);
        try {
            setSupervisees(supervisorName, supervisees);
        } catch (InvalidEntryException refused) {
            throw new InvalidEntryException(Map.of(SUPERVISOR, refused.getMessage()));
        }
    }

    /**
     * Asks for a person to be added; the account is made when a second person approves, and its
     * owner replaces the first password at the first sign-in.
     */
    @RolesAllowed("ADMIN")
    public Added add(NewAccountEntry entry) {
        var errors = new LinkedHashMap<String, String>();
        Username username = null;
        try {
            username = Username.typed(Objects.requireNonNullElse(entry.username(), ""));
            if (accounts.findByUsername(username).isPresent() || changes.usernameAskedFor(username)) {
                errors.put(USERNAME, "That username is taken; choose another.");
            }
        } catch (IllegalArgumentException malformed) {
            errors.put(USERNAME, "A username is 3 to 64 lower-case letters, digits, dots, dashes or underscores, "
                    + "such as j.smith.");
        }
        var displayName = checkedDisplayName(entry.displayName(), errors);
        checkRoles(entry.roles(), errors);
        if (username != null) {
            passwords.check(Objects.requireNonNullElse(entry.password(), ""),
                    Objects.requireNonNullElse(entry.repeatedPassword(), ""), username, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var valid = Objects.requireNonNull(username);
        var hash = passwords.hash(Objects.requireNonNull(entry.password()));
        try {
            changes.ask(new Asked(Kind.NEW_ACCOUNT, null, null, valid.value(), displayName, entry.roles(), hash),
                    rolesOf(valid, entry.roles()));
        } catch (DataIntegrityViolationException takenMeanwhile) {
            throw new InvalidEntryException(Map.of(USERNAME, "That username is taken; choose another."));
        }
        return new Added(valid.value(), true);
    }

    /**
     * Renames a person and sets their roles, from the version the admin read. Their open sessions
     * end when their roles change, so the new roles apply from their next sign-in. A role they did
     * not have is asked for instead; returns whether such a request now waits.
     */
    @RolesAllowed("ADMIN")
    public boolean edit(String username, long editedFromVersion, @Nullable String displayName, Set<Role> roles) {
        var account = versioned(username).value();
        var errors = new LinkedHashMap<String, String>();
        var name = checkedDisplayName(displayName, errors);
        checkRoles(roles, errors);
        if (isMe(account) && account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            errors.put(ROLES, "You cannot remove your own admin role: the practice must keep an admin. "
                    + "Another admin can do it.");
        }
        if (isMe(account) && roles.stream().anyMatch(role -> role.isClinical() && !account.hasRole(role))) {
            errors.putIfAbsent(ROLES, "You cannot give yourself a therapist or supervisor role, which opens clinical records. "
                    + "Another admin can do it.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var granted = roles.stream().filter(role -> !account.hasRole(role))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        var now = roles.stream().filter(role -> !granted.contains(role))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (now.isEmpty()) {
            now.addAll(account.roles());
        }
        if (!granted.isEmpty() && changes.waiting(Kind.ROLE_GRANT, id(account), null)) {
            throw new InvalidEntryException(Map.of(ROLES, "A role for " + account.displayName()
                    + " already waits for approval; it is decided on Approvals before another is asked for."));
        }
        var saved = accounts.save(account.renamedWithRoles(name, now), editedFromVersion);
        if (isMe(account)) {
            currentUser.changed(saved.value());
        }
        if (!granted.isEmpty()) {
            changes.ask(new Asked(Kind.ROLE_GRANT, id(account), null, null, null, granted, null),
                    rolesOf(account.username(), granted));
        }
        roles = now;
        if (account.hasRole(Role.SUPERVISOR) && !roles.contains(Role.SUPERVISOR)) {
            supervision.superviseesOf(id(account)).forEach(supervisee -> unpair(account, supervisee));
        }
        if (account.hasRole(Role.THERAPIST) && !roles.contains(Role.THERAPIST)) {
            supervision.supervisorsOf(id(account)).forEach(supervisor -> unpair(supervisor, account));
        }
        audit.allowed("user.edit", null, rolesOf(account.username(), roles));
        if (!roles.equals(account.roles()) && !isMe(account)) {
            sessions.endAll(account.username());
        }
        return !granted.isEmpty();
    }

    /** The person can no longer sign in, and every session they have open ends. */
    @RolesAllowed("ADMIN")
    public void disable(String username, long editedFromVersion) {
        var account = versioned(username).value();
        if (isMe(account)) {
            throw new InvalidEntryException(Map.of(ACCOUNT,
                    "You cannot disable your own account: the practice must keep an admin. Another admin can do it."));
        }
        accounts.save(account.withEnabled(false), editedFromVersion);
        audit.allowed("user.disable", null, username);
        sessions.endAll(account.username());
    }

    @RolesAllowed("ADMIN")
    public void enable(String username, long editedFromVersion) {
        var account = versioned(username).value();
        accounts.save(account.withEnabled(true), editedFromVersion);
        audit.allowed("user.enable", null, username);
    }

    /**
     * Asks for a new password for a person, as when they forgot theirs; once a second person
     * approves, every session they have open ends and they choose their own at their next sign-in.
     * The admin's own is set at once. Returns whether it waits.
     */
    @RolesAllowed("ADMIN")
    public boolean setPassword(String username, @Nullable String password, @Nullable String repeated) {
        var stored = versioned(username);
        var account = stored.value();
        var errors = new LinkedHashMap<String, String>();
        passwords.check(Objects.requireNonNullElse(password, ""), Objects.requireNonNullElse(repeated, ""),
                account.username(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var hash = passwords.hash(Objects.requireNonNull(password));
        if (isMe(account)) {
            accounts.save(account.withPasswordHash(hash), stored.version());
            audit.allowed("user.password", null, username);
            sessions.endAllButThisOne(account.username());
            return false;
        }
        if (changes.waiting(Kind.PASSWORD_RESET, id(account), null)) {
            throw new InvalidEntryException(Map.of(ACCOUNT, "A new password for " + account.displayName()
                    + " already waits for approval; withdraw it on Approvals to ask for another."));
        }
        changes.ask(new Asked(Kind.PASSWORD_RESET, id(account), null, null, null, Set.of(), hash), username);
        return true;
    }

    /**
     * Asks for a person's second factor to be reset, as when they lost their app and their recovery
     * codes; once a second person approves, they set it up again at their next sign-in.
     */
    @RolesAllowed("ADMIN")
    public void resetSecondFactor(String username) {
        var account = versioned(username).value();
        if (isMe(account)) {
            throw new InvalidEntryException(Map.of(ACCOUNT, "Another admin resets your second factor, with a second person's approval."));
        }
        if (changes.waiting(Kind.SECOND_FACTOR_RESET, id(account), null)) {
            throw new InvalidEntryException(Map.of(ACCOUNT, "A reset of " + account.displayName()
                    + "'s second factor already waits for approval on Approvals."));
        }
        changes.ask(new Asked(Kind.SECOND_FACTOR_RESET, id(account), null, null, null, Set.of(), null), username);
    }

    /**
     * Makes exactly these therapists the supervisor's supervisees: pairs not named end at once, new
     * pairs are asked for and made once a second person approves. Returns how many wait.
     */
    @RolesAllowed("ADMIN")
    public int setSupervisees(String supervisorName, Set<String> therapistNames) {
        var supervisor = versioned(supervisorName).value();
        if (isMe(supervisor) && supervisor.hasRole(Role.ADMIN)) {
            throw new InvalidEntryException(Map.of(SUPERVISEES,
                    "You cannot choose your own supervisees, whose records you would then read. Another admin can do it."));
        }
        if (!supervisor.hasRole(Role.SUPERVISOR)) {
            throw new InvalidEntryException(Map.of(SUPERVISEES,
                    "Only a supervisor has supervisees; give " + supervisor.displayName() + " the supervisor role first."));
        }
        var chosen = new ArrayList<UserAccount>();
        for (var name : therapistNames) {
            chosen.add(findByName(name).filter(found -> found.hasRole(Role.THERAPIST) && !found.id().equals(supervisor.id()))
                    .orElseThrow(() -> new InvalidEntryException(Map.of(SUPERVISEES,
                            "Choose therapists of the practice other than the supervisor; " + name + " is not one."))));
        }
        var chosenIds = chosen.stream().map(UserAdministration::id).collect(Collectors.toSet());
        var current = supervision.superviseesOf(id(supervisor));
        var currentIds = current.stream().map(UserAdministration::id).collect(Collectors.toSet());
        current.stream().filter(therapist -> !chosenIds.contains(id(therapist))).forEach(therapist -> unpair(supervisor, therapist));
        var asked = chosen.stream().filter(therapist -> !currentIds.contains(id(therapist))
                && !changes.waiting(Kind.SUPERVISION_PAIR, id(therapist), id(supervisor))).toList();
        asked.forEach(therapist -> changes.ask(new Asked(Kind.SUPERVISION_PAIR, id(therapist), id(supervisor), null, null,
                Set.of(), null), pair(supervisor, therapist)));
        return asked.size();
    }

    private void unpair(UserAccount supervisor, UserAccount therapist) {
        supervision.remove(id(supervisor), id(therapist));
        audit.allowed("supervision.remove", null, pair(supervisor, therapist));
    }

    /** Fits the audit's subject column: 120 characters. */
    static String pair(UserAccount supervisor, UserAccount therapist) {
        var named = supervisor.username() + " supervises " + therapist.username();
        return named.length() <= 120 ? named : "user " + id(supervisor).value() + " supervises user " + id(therapist).value();
    }

    static String rolesOf(Username username, Set<Role> roles) {
        return username + ": " + roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
    }

    private static String checkedDisplayName(@Nullable String typed, Map<String, String> errors) {
        var name = Objects.requireNonNullElse(typed, "").strip();
        if (name.isEmpty() || name.length() > 120 || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.put(DISPLAY_NAME, "Enter the name colleagues know the person by, 1 to 120 characters on one line.");
        }
        return name;
    }

    private static void checkRoles(Set<Role> roles, Map<String, String> errors) {
        if (roles.isEmpty()) {
            errors.put(ROLES, "Choose at least one role.");
        }
    }

    private boolean isMe(UserAccount account) {
        return account.username().equals(currentUser.account().username());
    }

    private Versioned<UserAccount> versioned(String username) {
        return findByName(username).flatMap(account -> accounts.findVersioned(id(account)))
                .orElseThrow(() -> new InvalidEntryException(Map.of(ACCOUNT, "There is no account named " + username + ".")));
    }

    private Optional<UserAccount> findByName(String username) {
        try {
            return accounts.findByUsername(new Username(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }

    private static UserId id(UserAccount account) {
        return Objects.requireNonNull(account.id());
    }
}
