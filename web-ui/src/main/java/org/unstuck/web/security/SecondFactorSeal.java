package org.unstuck.web.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.audit.AuditChainKey;
import org.unstuck.persistence.practice.JdbcSecondFactors;

/**
 * Keeps second factors out of reach of whoever reads the database: each one-time-password secret is
 * sealed with AES-GCM under a key derived from the one kept outside the database, bound to its
 * account (a sealed secret copied to another account does not open), and recovery codes are kept as
 * HMACs under another derived key. The JDK's own ciphers do the work.
 */
@Component
public class SecondFactorSeal {

    static final String PREFIX = "v1:";
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorSeal.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealing;
    private final SecretKeySpec codes;
    private final JdbcSecondFactors factors;
    private final SecureRandom random = new SecureRandom();

    SecondFactorSeal(AuditChainKey key, JdbcSecondFactors factors) {
        this.sealing = new SecretKeySpec(key.derive("second-factor secrets"), "AES");
        this.codes = new SecretKeySpec(key.derive("recovery codes"), "HmacSHA256");
        this.factors = factors;
    }

    String seal(UserId account, String secret) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(account));
            var sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The secret as the app knows it; one stored unsealed by an earlier version is read as it is. */
    String open(UserId account, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        var bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            var cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(account));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The second factor of account " + account.value()
                    + " does not open with this practice's key: it was sealed for another account or with another key", e);
        }
    }

    String codeHash(String recoveryCode) {
        try {
            var mac = Mac.getInstance(codes.getAlgorithm());
            mac.init(codes);
            return HexFormat.of().formatHex(mac.doFinal(normalised(recoveryCode)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The unkeyed hash an earlier version kept, so that the codes it handed out still work once. */
    static String plainCodeHash(String recoveryCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(recoveryCode)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Seals the secrets an earlier version stored as typed, on the first start that has the key. */
    @EventListener(ApplicationReadyEvent.class)
    public void sealEarlierSecrets() {
        var unsealed = factors.unsealedSecrets(PREFIX);
        unsealed.forEach((account, secret) -> factors.replaceSecret(account, seal(account, secret)));
        if (!unsealed.isEmpty()) {
            LOG.info("Sealed the second-factor secrets of {} accounts stored by an earlier version", unsealed.size());
        }
    }

    private static byte[] normalised(String recoveryCode) {
        return recoveryCode.replace("-", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] boundTo(UserId account) {
        return ("account " + account.value()).getBytes(StandardCharsets.US_ASCII);
    }
}
