package org.unstuck.web.account;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.notification.JdbcMail;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.notification.Mailer;
import org.unstuck.web.security.CurrentUser;

/** One's own e-mail address for notifications, and whether the weekly digest comes; risk alerts cannot be turned off. */
@Service
public class MyEmail {

    public static final String ADDRESS = "address";
    private static final Pattern ADDRESS_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254;

    /**
     * What the screen shows: the address, the digest choice (offered to supervisors, who get one),
     * and whether the practice sends e-mail at all.
     */
    public record Settings(@Nullable String address, boolean weeklyDigest, boolean digestOffered, boolean mailOn) {
    }

    private final CurrentUser currentUser;
    private final JdbcMail mail;
    private final Mailer mailer;
    private final AuditRecorder audit;

    MyEmail(CurrentUser currentUser, JdbcMail mail, Mailer mailer, AuditRecorder audit) {
        this.currentUser = currentUser;
        this.mail = mail;
        this.mailer = mailer;
        this.audit = audit;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Settings read() {
        var stored = mail.addressOf(me());
        return new Settings(stored.map(JdbcMail.Address::address).orElse(null),
                stored.map(JdbcMail.Address::weeklyDigest).orElse(true), currentUser.person().hasRole(Role.SUPERVISOR),
                mailer.enabled());
    }

    /** Saves the address and the digest choice; an empty address stops all e-mail to this person. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void save(@Nullable String address, boolean weeklyDigest) {
        var stripped = Objects.requireNonNullElse(address, "").strip();
        if (!stripped.isEmpty() && (stripped.length() > MAX_LENGTH || !ADDRESS_FORMAT.matcher(stripped).matches())) {
            throw new InvalidEntryException(Map.of(ADDRESS,
                    "An e-mail address reads like name@example.org, with no spaces, at most " + MAX_LENGTH + " characters."));
        }
        mail.setAddress(me(), stripped.isEmpty() ? null : stripped, weeklyDigest);
        audit.allowed("account.email", null, stripped.isEmpty() ? "address removed" : "address set, digest "
                + (weeklyDigest ? "on" : "off"));
    }

    private UserId me() {
        return Objects.requireNonNull(currentUser.account().id());
    }
}
