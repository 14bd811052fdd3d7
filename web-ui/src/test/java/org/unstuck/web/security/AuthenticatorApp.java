package org.unstuck.web.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What a person's authenticator app shows for a set-up key, for tests that sign in with a second factor. */
public final class AuthenticatorApp {

    private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

    private AuthenticatorApp() {
    }

    /** The code the app shows at this time for the key, typed with or without its spaces. */
    public static String code(String secret, Instant at) throws InvalidKeyException {
        var key = new SecretKeySpec(new Base32().decode(secret.replace(" ", "")), "HmacSHA1");
        return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(key, at);
    }

    /** A code the app shows at none of the three steps around this time, so it is surely wrong. */
    public static String wrongCode(String secret, Instant at) throws InvalidKeyException {
        var near = Set.of(code(secret, at.minus(STEP)), code(secret, at), code(secret, at.plus(STEP)));
        return Stream.of("000000", "111111", "222222", "333333").filter(code -> !near.contains(code)).findFirst().orElseThrow();
    }
}
