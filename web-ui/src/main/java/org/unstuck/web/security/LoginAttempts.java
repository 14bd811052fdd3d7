package org.unstuck.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
 * username from one address; past more from one address whatever the usernames; and past more for
 * one username whatever the addresses, except from an address that username signed in from before.
 * So one address guessing at many names is slowed, many addresses guessing at one name are slowed,
 * and still nobody guessing elsewhere can keep a person out where they usually sign in. Every
 * sign-in, failure, start of a delay (with its end) and attempt during one is audited. The counters
 * live in this node's memory.
 */
@Component
public class LoginAttempts {

    /** Wrong passwords for one username from one address before each further attempt waits. */
    static final int FREE_FAILURES = 4;
    /** Wrong passwords from one address, whatever the usernames, before each further attempt waits. */
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    /** Wrong passwords for one username, whatever the addresses, before each further attempt from a new address waits. */
    static final int FREE_FAILURES_PER_NAME = 10;
    /** The latest addresses a username signed in from, which a wait for that username spares. */
    static final int KNOWN_ADDRESSES = 10;
    static final Duration ADDRESS_KNOWN_FOR = Duration.ofDays(60);
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
    private final Cache<String, Failures> byName = Caffeine.newBuilder()
            .expireAfterWrite(FORGOTTEN_AFTER).maximumSize(100_000).build();
    private final Cache<String, List<String>> knownAddresses = Caffeine.newBuilder()
            .expireAfterWrite(ADDRESS_KNOWN_FOR).maximumSize(100_000).build();
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
        var forName = byName.getIfPresent(username);
        if (forName != null && !isKnown(username, address) && forName.waitsUntil(FREE_FAILURES_PER_NAME).isAfter(until)) {
            until = forName.waitsUntil(FREE_FAILURES_PER_NAME);
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
        var forName = byName.asMap().merge(username, new Failures(1, now), (earlier, first) -> earlier.next(now));
        if (pair.count() > FREE_FAILURES) {
            var delay = delay(pair.count() - FREE_FAILURES);
            audit.record(new AuditEvent(now, username, "login.locked", null,
                    "from " + address + " for " + delay.toSeconds() + " s, until " + now.plus(delay), Outcome.REFUSED, null));
        }
        if (forName.count() > FREE_FAILURES_PER_NAME) {
            var delay = delay(forName.count() - FREE_FAILURES_PER_NAME);
            audit.record(new AuditEvent(now, username, "login.locked", null, "from every address it has not signed in "
                    + "from, for " + delay.toSeconds() + " s, until " + now.plus(delay), Outcome.REFUSED, null));
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
        var address = addressOf(event);
        byNameAndAddress.invalidate(username + " from " + address);
        knownAddresses.asMap().merge(username, List.of(address), (earlier, latest) -> Stream.concat(
                Stream.of(address), earlier.stream().filter(known -> !known.equals(address))).limit(KNOWN_ADDRESSES).toList());
        audit.record(new AuditEvent(clock.instant(), username, "login", null, null, Outcome.ALLOWED, null));
    }

    private boolean isKnown(String username, String address) {
        var known = knownAddresses.getIfPresent(username);
        return known != null && known.contains(address);
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
