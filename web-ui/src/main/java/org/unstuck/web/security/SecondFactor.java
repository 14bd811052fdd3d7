package org.unstuck.web.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.common.InvalidEntryException;

/**
 * The second factor of everyone, since every role opens clinical records, the practice's accounts
 * or the approval of changes to them: a time-based one-time password
 * (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, as authenticator apps expect) from an app set up
 * at the first sign-in, or one of ten single-use recovery codes. After the password alone such a
 * person holds only {@link #PENDING}, which opens no screen and no service; the code gives them
 * their roles. An exempt account (the demo practice's) signs in with its password alone.
 */
@Service
public class SecondFactor {

    /** The one authority of a person who gave the right password and still owes the code. */
    public static final String PENDING = "SECOND_FACTOR_PENDING";
    public static final String CODE = "code";
    public static final Set<Role> PROTECTED_ROLES = EnumSet.allOf(Role.class);
    static final int RECOVERY_CODES = 10;
    /** Wrong codes an account may type before it waits {@link #CODE_LOCK}, however many addresses guess. */
    static final int FREE_WRONG_CODES = 5;
    static final Duration CODE_LOCK = Duration.ofMinutes(15);
    private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
    private static final String ISSUER = "Unstuck";
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcSecondFactors factors;
    private final SecondFactorSeal seal;
    private final CurrentUser currentUser;
    private final LoginAttempts attempts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Wrong codes per account from any address; a new sign-in with the password does not clear them. */
    private final Cache<String, Integer> wrongCodes = Caffeine.newBuilder().expireAfterWrite(CODE_LOCK).build();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

    SecondFactor(JdbcSecondFactors factors, SecondFactorSeal seal, CurrentUser currentUser, LoginAttempts attempts,
            AuditTrail audit, Clock clock) {
        this.factors = factors;
        this.seal = seal;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A secret offered for setting up, with the link and QR code an authenticator app reads. */
    public record Offer(String secret, String link, String qrCodeSvg) {
    }

    /** Whether this account signs in with a code after its password. */
    boolean required(UserAccount account) {
        return account.roles().stream().anyMatch(PROTECTED_ROLES::contains)
                && factors.exemption(Objects.requireNonNull(account.id())).isEmpty();
    }

    public static boolean pending(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> PENDING.equals(authority.getAuthority()));
    }

    /** The authentication after the password alone: the person and nothing they may do yet. */
    static Authentication awaitingCode(Authentication byPassword) {
        var pending = UsernamePasswordAuthenticationToken.authenticated(byPassword.getPrincipal(), null,
                List.of(new SimpleGrantedAuthority(PENDING)));
        pending.setDetails(byPassword.getDetails());
        return pending;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean setUp() {
        return factors.secret(Objects.requireNonNull(currentUser.account().id())).isPresent();
    }

    @PreAuthorize("isAuthenticated()")
    public Offer offer() {
        var bytes = new byte[20];
        random.nextBytes(bytes);
        var secret = new Base32().encodeToString(bytes).replace("=", "");
        var account = currentUser.account();
        var label = URLEncoder.encode(ISSUER + ":" + account.username().value(), StandardCharsets.UTF_8).replace("+", "%20");
        var link = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=30";
        return new Offer(secret, link, qrCode(link));
    }

    /**
     * Keeps the offered secret once the person typed a code from their app for it, and gives them
     * their roles; returns the recovery codes, shown this once and kept only as hashes.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidEntryException.class)
    public SignedIn confirm(String secret, String code) {
        var account = currentUser.account();
        if (factors.secret(Objects.requireNonNull(account.id())).isPresent()) {
            throw new InvalidEntryException(Map.of(CODE, "Your second factor is set up already; sign in again with its code."));
        }
        refuseWhileLocked(account);
        var step = matchingStep(secret, code);
        if (step < 0) {
            refused(account, "second-factor.set-up");
            throw new InvalidEntryException(Map.of(CODE, "This is not the code your app shows now for Unstuck; type the "
                    + "6 digits it shows, before they change."));
        }
        var codes = new ArrayList<String>();
        var hashes = new ArrayList<String>();
        for (var n = 0; n < RECOVERY_CODES; n++) {
            var recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(seal.codeHash(recovery));
        }
        factors.enroll(Objects.requireNonNull(account.id()), seal.seal(account.id(), secret), step, clock.instant(), hashes);
        record(account, "second-factor.set-up", Outcome.ALLOWED);
        return new SignedIn(withRoles(), List.copyOf(codes));
    }

    /** The authentication with the person's roles, and the recovery codes to show (none when a code was typed). */
    public record SignedIn(Authentication authentication, List<String> recoveryCodes) {
    }

    /** Checks a code from the app, or an unused recovery code, and gives the person their roles. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidEntryException.class)
    public SignedIn verify(String typed) {
        var account = currentUser.account();
        refuseWhileLocked(account);
        var id = Objects.requireNonNull(account.id());
        var secret = factors.secret(id).map(stored -> seal.open(id, stored)).orElseThrow(() -> new InvalidEntryException(
                Map.of(CODE, "Your second factor was reset; sign in again to set it up.")));
        var code = Objects.requireNonNullElse(typed, "").replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        var step = matchingStep(secret, code);
        if (step >= 0 && factors.takeStep(id, step)) {
            wrongCodes.invalidate(account.username().value());
            record(account, "login.second-factor", Outcome.ALLOWED);
            return new SignedIn(withRoles(), List.of());
        }
        if (code.length() == 10 && factors.useRecoveryCode(id, seal.codeHash(code), SecondFactorSeal.plainCodeHash(code), clock.instant())) {
            wrongCodes.invalidate(account.username().value());
            record(account, "login.recovery-code", Outcome.ALLOWED);
            return new SignedIn(withRoles(), List.of());
        }
        refused(account, "login.second-factor");
        throw new InvalidEntryException(Map.of(CODE, step >= 0
                ? "This code was used already; wait for the next one your app shows."
                : "This is neither the code your app shows now nor an unused recovery code."));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        return factors.recoveryCodesLeft(Objects.requireNonNull(currentUser.account().id()));
    }

    private void refuseWhileLocked(UserAccount account) {
        if (attempts.isLocked(account.username().value())
                || Objects.requireNonNullElse(wrongCodes.getIfPresent(account.username().value()), 0) >= FREE_WRONG_CODES) {
            record(account, "login.second-factor", Outcome.REFUSED);
            throw new InvalidEntryException(Map.of(CODE, "Too many wrong codes: wait a few minutes, then try again."));
        }
    }

    private void refused(UserAccount account, String action) {
        record(account, action, Outcome.REFUSED);
        attempts.wrongPasswordWhileSignedIn(account.username().value());
        wrongCodes.asMap().merge(account.username().value(), 1, Integer::sum);
    }

    private void record(UserAccount account, String action, Outcome outcome) {
        audit.record(new AuditEvent(clock.instant(), account.username().value(), action, null, null, outcome, null));
    }

    /** The time step, within one step either side of now, whose code this is; -1 when none is. */
    private long matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        var key = new SecretKeySpec(new Base32().decode(secret), TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        var now = clock.instant();
        for (var offset = -1; offset <= 1; offset++) {
            var at = now.plus(STEP.multipliedBy(offset));
            try {
                var expected = totp.generateOneTimePasswordString(key, at, Locale.ROOT);
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return at.getEpochSecond() / STEP.toSeconds();
                }
            } catch (InvalidKeyException malformed) {
                return -1;
            }
        }
        return -1;
    }

    private Authentication withRoles() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        var principal = (UserDetails) current.getPrincipal();
        List<GrantedAuthority> roles = List.copyOf(principal.getAuthorities());
        var full = UsernamePasswordAuthenticationToken.authenticated(principal, null, roles);
        full.setDetails(current.getDetails());
        return full;
    }

    private String recoveryCode() {
        var code = new StringBuilder();
        for (var n = 0; n < 10; n++) {
            code.append(RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /** The link as a QR code of square modules, drawn as one SVG path. */
    private static String qrCode(String link) {
        try {
            var matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0);
            var size = matrix.getWidth();
            var path = new StringBuilder();
            for (var y = 0; y < matrix.getHeight(); y++) {
                for (var x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-4 -4 " + (size + 8) + " " + (matrix.getHeight() + 8)
                    + "\" width=\"200\" height=\"200\" role=\"img\" aria-label=\"QR code for the authenticator app\">"
                    + "<rect x=\"-4\" y=\"-4\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException tooLong) {
            throw new IllegalStateException("The set-up link does not fit a QR code", tooLong);
        }
    }
}
