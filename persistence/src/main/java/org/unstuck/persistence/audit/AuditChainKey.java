package org.unstuck.persistence.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The secret the audit chain's hashes are keyed with (HMAC-SHA256). It is kept outside the
 * database, so rows rewritten in the database cannot be given matching hashes.
 */
public final class AuditChainKey {

    public static final int MINIMUM_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private AuditChainKey(byte[] secret) {
        if (secret.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("The audit chain key has at least " + MINIMUM_BYTES + " bytes; got " + secret.length);
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public static AuditChainKey of(byte[] secret) {
        return new AuditChainKey(Arrays.copyOf(secret, secret.length));
    }

    /**
     * A key for another purpose derived from this one (the HMAC of the purpose's name), so that the
     * one file kept outside the database holds the key of every secret the database must not read.
     */
    public byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("unstuck " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The hash of one entry, over its fields each prefixed by its length, so no value can be moved
     * across a field boundary; the time counts in microseconds, as PostgreSQL stores it.
     */
    String hash(String previousHash, long sequence, Instant occurredAt, String actor, String action, @Nullable Long caseId,
            @Nullable String subject, String outcome, @Nullable String reason) {
        var fields = new ByteArrayOutputStream();
        for (var field : new String[] {previousHash, Long.toString(sequence),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)), actor, action,
                caseId == null ? null : caseId.toString(), subject, outcome, reason}) {
            var bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            fields.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(field == null ? -1 : bytes.length).array());
            fields.writeBytes(bytes);
        }
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(fields.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
