package org.unstuck.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;

/**
 * Slows down password guessing: after five wrong passwords for a username within fifteen minutes,
 * that username cannot sign in until the window has passed. Every sign-in, failure and lock is
 * audited.
 */
@Component
public class LoginAttempts {

    static final int MAXIMUM_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this username may not sign in now. */
    public boolean isLocked(String typedUsername) {
        var recent = failures.get(key(typedUsername));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= MAXIMUM_FAILURES;
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var username = key(event.getAuthentication().getName());
        audit.record(new AuditEvent(clock.instant(), username, "login.failed", null, null, Outcome.REFUSED, null));
        countFailure(username);
    }

    /**
     * Counts a wrong password typed by a signed-in person, as when changing their own, among the
     * failed sign-ins of their username: whoever guesses at an open session is slowed down too.
     */
    public void wrongPasswordWhileSignedIn(String username) {
        countFailure(key(username));
    }

    private void countFailure(String username) {
        var recent = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
        int count;
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
            count = recent.size();
        }
        if (count == MAXIMUM_FAILURES) {
            audit.record(new AuditEvent(clock.instant(), username, "login.locked", null,
                    "for " + WINDOW.toMinutes() + " minutes", Outcome.REFUSED, null));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var username = key(event.getAuthentication().getName());
        failures.remove(username);
        audit.record(new AuditEvent(clock.instant(), username, "login", null, null, Outcome.ALLOWED, null));
    }

    private void forgetOld(Deque<Instant> recent) {
        var since = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
            recent.removeFirst();
        }
    }

    private static String key(String typed) {
        var cleaned = typed.strip().toLowerCase(Locale.ROOT);
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
