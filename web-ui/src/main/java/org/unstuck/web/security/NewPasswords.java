package org.unstuck.web.security;

import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.unstuck.domain.practice.PasswordPolicy;
import org.unstuck.domain.practice.Username;

/** A new password typed twice, checked against the practice's password policy and stored only as a slow hash. */
@Component
public class NewPasswords {

    /** The field names under which {@link #check} reports what is wrong. */
    public static final String PASSWORD = "password";
    public static final String REPEATED = "repeated";

    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;

    NewPasswords(PasswordPolicy policy, PasswordEncoder encoder) {
        this.policy = policy;
        this.encoder = encoder;
    }

    /** Adds to {@code errors} why this password may not be used by this person, if it may not. */
    public void check(String password, String repeated, Username username, Map<String, String> errors) {
        policy.refusal(password, username).ifPresentOrElse(
                refusal -> errors.put(PASSWORD, refusal),
                () -> {
                    if (!password.equals(repeated)) {
                        errors.put(REPEATED, "The two passwords differ; type the same password twice.");
                    }
                });
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String typed, String hash) {
        return encoder.matches(typed, hash);
    }
}
