package org.unstuck.web.audit;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the audit chain's secret and its exported heads live ({@code unstuck.audit.*}), both outside
 * the database so that whoever can rewrite its rows has neither.
 *
 * @param key the chain's key, Base64 of at least 32 bytes; when not set it is read from {@code keyFile}
 * @param keyFile the file holding the key, made with a fresh random key on first start
 * @param headsFile the file each check appends the chain's newest entry and length to
 */
@ConfigurationProperties("unstuck.audit")
public record AuditChainProperties(
        @Nullable String key,
        @DefaultValue(".unstuck-data/audit-chain.key") Path keyFile,
        @DefaultValue(".unstuck-data/audit-chain-heads.log") Path headsFile) {
}
