package org.unstuck.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;

/**
 * Slows down password guessing with delays that grow with every wrong password: past a few for one
 * username from one address, and past more from one address whatever the usernames. Counted per
 * address as well as per name, so that someone guessing elsewhere cannot lock a person out, and one
 * address guessing at many names is slowed all the same. Every sign-in, failure, start of a delay
 * (with its end) and attempt during one is audited. The counters live in this node's memory.
 */
@Component
public class LoginAttempts {

    /** Wrong passwords for one username from one address before each further attempt waits. */
    static final int FREE_FAILURES = 4;
    /** Wrong passwords from one address, whatever the usernames, before each further attempt waits. */
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    static final String UNKNOWN_ADDRESS = "unknown address";

    private record Failures(int count, Instant last) {

        Failures next(Instant at) {
            return new Failures(count + 1, at);
        }

        Instant waitsUntil(int free) {
            return count <= free ? Instant.MIN : last.plus(delay(count - free));
        }
    }

    private final Cache<String, Failures> byNameAndAddress = Caffeine.newBuilder()
            .expireAfterWrite(FORGOTTEN_AFTER).maximumSize(100_000).build();
    private final Cache<String, Failures> byAddress = Caffeine.newBuilder()
            .expireAfterWrite(FORGOTTEN_AFTER).maximumSize(100_000).build();
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** 30 seconds after the first wrong password past the free ones, doubling with each further one, up to 15 minutes. */
    static Duration delay(int beyondFree) {
        var seconds = FIRST_DELAY.toSeconds() << Math.min(beyondFree - 1, 16);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_DELAY.toSeconds()));
    }

    /** Whether this username may not sign in now from the address of the request being served. */
    public boolean isLocked(String typedUsername) {
        return waitsUntil(key(typedUsername), currentAddress()) != null;
    }

    private @Nullable Instant waitsUntil(String username, String address) {
        var pair = byNameAndAddress.getIfPresent(username + " from " + address);
        var fromAddress = byAddress.getIfPresent(address);
        var until = Instant.MIN;
        if (pair != null) {
            until = pair.waitsUntil(FREE_FAILURES);
        }
        if (fromAddress != null && fromAddress.waitsUntil(FREE_FAILURES_PER_ADDRESS).isAfter(until)) {
            until = fromAddress.waitsUntil(FREE_FAILURES_PER_ADDRESS);
        }
        return until.isAfter(clock.instant()) ? until : null;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var username = key(event.getAuthentication().getName());
        audit.record(new AuditEvent(clock.instant(), username, "login.failed", null, null, Outcome.REFUSED, null));
        countFailure(username, addressOf(event));
    }

    @EventListener
    void refusedWhileWaiting(AuthenticationFailureLockedEvent event) {
        var username = key(event.getAuthentication().getName());
        var address = addressOf(event);
        var until = waitsUntil(username, address);
        audit.record(new AuditEvent(clock.instant(), username, "login.while-locked", null,
                "from " + address + (until == null ? "" : ", waits until " + until), Outcome.REFUSED, null));
    }

    /**
     * Counts a wrong password typed by a signed-in person, as when changing their own, among the
     * failed sign-ins of their username: whoever guesses at an open session is slowed down too.
     */
    public void wrongPasswordWhileSignedIn(String username) {
        countFailure(key(username), currentAddress());
    }

    private void countFailure(String username, String address) {
        var now = clock.instant();
        var pair = byNameAndAddress.asMap().merge(username + " from " + address, new Failures(1, now),
                (earlier, first) -> earlier.next(now));
        var fromAddress = byAddress.asMap().merge(address, new Failures(1, now), (earlier, first) -> earlier.next(now));
        if (pair.count() > FREE_FAILURES) {
            var delay = delay(pair.count() - FREE_FAILURES);
            audit.record(new AuditEvent(now, username, "login.locked", null,
                    "from " + address + " for " + delay.toSeconds() + " s, until " + now.plus(delay), Outcome.REFUSED, null));
        }
        if (fromAddress.count() > FREE_FAILURES_PER_ADDRESS) {
            var delay = delay(fromAddress.count() - FREE_FAILURES_PER_ADDRESS);
            audit.record(new AuditEvent(now, "anonymous", "login.address-locked", null,
                    address + " for " + delay.toSeconds() + " s, until " + now.plus(delay), Outcome.REFUSED, null));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var username = key(event.getAuthentication().getName());
        byNameAndAddress.invalidate(username + " from " + addressOf(event));
        audit.record(new AuditEvent(clock.instant(), username, "login", null, null, Outcome.ALLOWED, null));
    }

    private static String addressOf(AbstractAuthenticationEvent event) {
        return event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : currentAddress();
    }

    /** The client's address as the request says, behind a trusted proxy the one it forwarded for. */
    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : UNKNOWN_ADDRESS;
    }

    private static String key(String typed) {
        var cleaned = typed.strip().toLowerCase(Locale.ROOT);
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
