package org.unstuck.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unstuck.db.StatementLog;
import org.unstuck.persistence.audit.AuditChainKey;

@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PersistenceConfiguration.class, StatementLog.class})
public class PersistenceTestApplication {

    /** A fixed key, so a test can recompute a keyed hash the way an attacker without it could not. */
    public static final byte[] AUDIT_CHAIN_KEY = "persistence-tests-audit-chain-key-32-bytes".getBytes(StandardCharsets.UTF_8);

    @Bean
    AuditChainKey auditChainKey() {
        return AuditChainKey.of(AUDIT_CHAIN_KEY);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
