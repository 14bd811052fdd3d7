package org.unstuck.persistence.practice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserId;

/**
 * Each account's one-time-password secret (sealed by the caller), its recovery codes (as keyed
 * hashes) and exemptions.
 */
@Repository
public class JdbcSecondFactors {

    /** Where an account stands with its second factor. */
    public enum Standing {
        SET_UP, NOT_SET_UP, EXEMPT
    }

    private final JdbcClient jdbc;

    JdbcSecondFactors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<String> secret(UserId account) {
        return jdbc.sql("SELECT secret FROM second_factor WHERE account_id = :id").param("id", account.value())
                .query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> exemption(UserId account) {
        return jdbc.sql("SELECT reason FROM second_factor_exemption WHERE account_id = :id").param("id", account.value())
                .query(String.class).optional();
    }

    @Transactional
    public void exempt(UserId account, String reason) {
        jdbc.sql("INSERT INTO second_factor_exemption (account_id, reason) VALUES (:id, :reason)")
                .param("id", account.value()).param("reason", reason).update();
    }

    /** Every account's standing by username; an account without a row is not set up. */
    @Transactional(readOnly = true)
    public Map<String, Standing> standings() {
        return jdbc.sql("""
                SELECT u.username, CASE WHEN e.account_id IS NOT NULL THEN 'EXEMPT' WHEN f.account_id IS NOT NULL THEN 'SET_UP'
                                  ELSE 'NOT_SET_UP' END AS standing
                FROM user_account u LEFT JOIN second_factor f ON f.account_id = u.id
                LEFT JOIN second_factor_exemption e ON e.account_id = u.id""")
                .query((row, number) -> Map.entry(row.getString("username"), Standing.valueOf(row.getString("standing"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Stores the confirmed secret and a fresh set of recovery codes, replacing any earlier ones. */
    @Transactional
    public void enroll(UserId account, String secret, long confirmedStep, Instant at, List<String> recoveryCodeHashes) {
        reset(account);
        jdbc.sql("INSERT INTO second_factor (account_id, secret, enrolled_at, last_used_step) VALUES (:id, :secret, :at, :step)")
                .param("id", account.value()).param("secret", secret).param("at", Timestamp.from(at))
                .param("step", confirmedStep).update();
        for (var hash : recoveryCodeHashes) {
            jdbc.sql("INSERT INTO recovery_code (account_id, code_hash, keyed) VALUES (:id, :hash, true)")
                    .param("id", account.value()).param("hash", hash).update();
        }
    }

    /** Takes a code's time step if it is later than the last one taken, so no code works twice. */
    @Transactional
    public boolean takeStep(UserId account, long step) {
        return jdbc.sql("UPDATE second_factor SET last_used_step = :step WHERE account_id = :id AND last_used_step < :step")
                .param("id", account.value()).param("step", step).update() == 1;
    }

    /**
     * Uses up an unused recovery code, found by its keyed hash, or by its plain hash for a code an
     * earlier version stored; false when there is none.
     */
    @Transactional
    public boolean useRecoveryCode(UserId account, String keyedHash, String plainHash, Instant at) {
        return jdbc.sql("""
                UPDATE recovery_code SET used_at = :at
                WHERE account_id = :id AND used_at IS NULL
                  AND ((keyed AND code_hash = :keyed) OR (NOT keyed AND code_hash = :plain))""")
                .param("id", account.value()).param("keyed", keyedHash).param("plain", plainHash)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The secrets an earlier version stored as typed, by account, for sealing. */
    @Transactional(readOnly = true)
    public Map<UserId, String> unsealedSecrets(String sealedPrefix) {
        return jdbc.sql("SELECT account_id, secret FROM second_factor WHERE secret NOT LIKE :prefix || '%'")
                .param("prefix", sealedPrefix)
                .query((row, number) -> Map.entry(new UserId(row.getLong(1)), row.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public void replaceSecret(UserId account, String secret) {
        jdbc.sql("UPDATE second_factor SET secret = :secret WHERE account_id = :id")
                .param("id", account.value()).param("secret", secret).update();
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(UserId account) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", account.value()).query(Integer.class).single();
    }

    /** The account sets up its second factor again at its next sign-in. */
    @Transactional
    public void reset(UserId account) {
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", account.value()).update();
        jdbc.sql("DELETE FROM second_factor WHERE account_id = :id").param("id", account.value()).update();
    }
}
