package org.unstuck.web.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unstuck.persistence.audit.AuditChainKey;
import org.unstuck.web.common.PrivateFiles;

/** The audit chain's key: from the setting when given, else from its file, which the first start creates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditChainProperties.class)
class AuditChainConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainConfiguration.class);

    @Bean
    AuditChainKey auditChainKey(AuditChainProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return AuditChainKey.of(decoded(properties.key(), "unstuck.audit.key"));
        }
        var file = properties.keyFile().toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                PrivateFiles.create(file,
                        Base64.getEncoder().encodeToString(PrivateFiles.randomBytes(AuditChainKey.MINIMUM_BYTES)) + "\n");
                LOG.warn("Made a new audit chain key in {}; keep a copy of it with the database backups, "
                        + "since without it the audit trail cannot be verified", file);
            }
            return AuditChainKey.of(decoded(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the audit chain key in " + file, e);
        }
    }

    private static byte[] decoded(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit chain key in " + source + " is Base64 of at least "
                    + AuditChainKey.MINIMUM_BYTES + " bytes", e);
        }
    }
}
