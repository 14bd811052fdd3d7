package org.unstuck.web.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.persistence.audit.AuditLog;
import org.unstuck.persistence.audit.AuditQuery;
import org.unstuck.web.common.InvalidEntryException;

/**
 * The admin's view of the audit trail: who did what, when, on which client's case; never what the
 * entry's subject or detail says. Each look at it, with its filters, is itself written to the trail.
 */
@Service
@Transactional
@RolesAllowed("ADMIN")
public class AuditViewer {

    private final AuditLog log;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    AuditViewer(AuditLog log, UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.log = log;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The filters of the viewer as typed; every part may be left empty.
     *
     * @param person a username
     * @param to the last day listed, included
     */
    public record Filter(@Nullable String person, @Nullable String clientCode, @Nullable String action,
            @Nullable LocalDate from, @Nullable LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /**
     * The first page for the filter; the look is audited with the filter it used.
     *
     * @throws InvalidEntryException naming the field when a client code or the date range cannot stand
     */
    public List<AuditEntry> firstPage(Filter filter, int limit) {
        var query = query(filter);
        audit.allowed("audit.view", null, null, describe(filter));
        return log.entries(query, 0, limit);
    }

    /** A later page for the same filter, as the list scrolls; the look was audited with its first page. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Filter filter, int offset, int limit) {
        return log.entries(query(filter), offset, limit);
    }

    /** @throws InvalidEntryException naming the field when a client code or the date range cannot stand */
    @Transactional(readOnly = true)
    public void check(Filter filter) {
        query(filter);
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        return log.count(query(filter));
    }

    /** The people who can appear in the trail, by display name. */
    @Transactional(readOnly = true)
    public List<UserAccount> people() {
        return accounts.all();
    }

    /** The actions the trail holds. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return log.actions();
    }

    @Transactional(readOnly = true)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The practice's time zone, in which the entries' times are shown and the days of the filter are read. */
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return clock.getZone();
    }

    private AuditQuery query(Filter filter) {
        var errors = new LinkedHashMap<String, String>();
        var client = blankToNull(filter.clientCode());
        if (client != null) {
            try {
                new ClientCode(client);
            } catch (IllegalArgumentException wrong) {
                errors.put("client", "A client code is 2 to 32 letters, digits, dots, dashes, slashes or underscores, "
                        + "such as C-0417.");
            }
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            errors.put("to", "The last day is on or after the first day (" + filter.from() + ").");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var zone = clock.getZone();
        return new AuditQuery(blankToNull(filter.person()), client, null, blankToNull(filter.action()),
                filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String describe(Filter filter) {
        var parts = new ArrayList<String>();
        add(parts, "person", filter.person());
        add(parts, "client code", filter.clientCode());
        add(parts, "action", filter.action());
        add(parts, "from", filter.from() == null ? null : filter.from().toString());
        add(parts, "to", filter.to() == null ? null : filter.to().toString());
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        var given = blankToNull(value);
        if (given != null) {
            parts.add(name + " " + given);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
