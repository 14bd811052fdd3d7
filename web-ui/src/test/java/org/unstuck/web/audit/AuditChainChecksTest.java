package org.unstuck.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.unstuck.domain.audit.ChainVerification.Break;
import org.unstuck.domain.audit.ChainVerification.Problem;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;

/** Checks of the audit chain: stored, exported outside the database, compared with what was exported, audited. */
@UnstuckAppTest
class AuditChainChecksTest {

    @Autowired AuditChainChecks checks;
    @Autowired AuditChainProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @AfterEach
    void sign_out() {
        SecurityContextHolder.clearContext();
    }

    private long newestEntry() {
        return jdbc.sql("SELECT max(sequence) FROM audit_event").query(Long.class).single();
    }

    @Test
    void only_the_admin_checks_the_chain() {
        TestSignIn.as(users, "supervisor1");
        assertThatThrownBy(() -> checks.checkNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.latest()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_check_is_stored_exported_and_audited_and_the_next_one_compares_with_it() throws IOException {
        TestSignIn.as(users, "admin");
        var first = checks.checkNow();

        assertThat(first.verification().intact()).isTrue();
        assertThat(first.requestedBy()).isEqualTo("admin");
        assertThat(first.verification().head().sequence()).isEqualTo(first.verification().entriesChecked());
        assertThat(checks.latest().getFirst()).isEqualTo(first);
        var exported = Files.readAllLines(properties.headsFile());
        assertThat(exported.getLast()).contains("head=" + first.verification().head().sequence(),
                "hash=" + first.verification().head().hash(), "outcome=intact");
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE sequence = :sequence")
                .param("sequence", newestEntry()).query(String.class).single())
                .as("the check itself is the newest entry").isEqualTo("intact, " + first.verification().entriesChecked() + " entries");

        var nightly = checks.nightly();
        assertThat(nightly.requestedBy()).isNull();
        assertThat(nightly.verification().intact()).isTrue();
        assertThat(nightly.verification().anchorsChecked()).isEqualTo(exported.size());
        assertThat(nightly.verification().entriesChecked()).isGreaterThan(first.verification().entriesChecked());
    }

    @Test
    void an_exported_head_the_trail_no_longer_reaches_breaks_the_chain_where_the_entries_went_missing() throws IOException {
        TestSignIn.as(users, "admin");
        var before = Files.exists(properties.headsFile()) ? Files.readString(properties.headsFile()) : "";
        var beyond = newestEntry() + 50;
        try {
            Files.createDirectories(properties.headsFile().getParent());
            Files.writeString(properties.headsFile(), "2026-12-01T00:30:00Z head=" + beyond + " hash=" + "e".repeat(64)
                    + " entries=" + beyond + " outcome=intact\nnot a head line\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);

            var check = checks.checkNow();

            assertThat(check.firstBreak()).contains(new Break(newestEntry(), Problem.EXPORTED_HEAD_MISSING));
            assertThat(checks.latest().getFirst().firstBreak()).isEqualTo(check.firstBreak());
            assertThat(Files.readAllLines(properties.headsFile()).getLast()).contains("outcome=broken-at-" + newestEntry());
        } finally {
            Files.writeString(properties.headsFile(), before);
        }
    }
}
