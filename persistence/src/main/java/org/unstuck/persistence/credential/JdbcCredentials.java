package org.unstuck.persistence.credential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.Verification;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.ConstraintMessages;

@Repository
@Transactional(readOnly = true)
class JdbcCredentials implements Credentials {

    private final JdbcClient jdbc;

    JdbcCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Credential> of(UserId therapist) {
        return jdbc.sql("SELECT * FROM credential WHERE therapist_id = :therapist ORDER BY credential_type, valid_from, id")
                .param("therapist", therapist.value()).query(JdbcCredentials::credential).list();
    }

    @Override
    @Transactional
    public Credential save(Credential credential) {
        try {
            if (credential.id() == null) {
                var id = withFields(jdbc.sql("""
                        INSERT INTO credential (therapist_id, credential_type, title, number, issuing_body, jurisdiction,
                            valid_from, valid_to, verified_by, verified_at, evidence)
                        VALUES (:therapist, :type, :title, :number, :body, :jurisdiction, :from, :to, :verifiedBy,
                            :verifiedAt, :evidence)
                        RETURNING id"""), credential)
                        .param("therapist", credential.therapist().value())
                        .param("type", credential.type().name())
                        .query(Long.class).single();
                return find(id);
            }
            var updated = withFields(jdbc.sql("""
                    UPDATE credential SET title = :title, number = :number, issuing_body = :body,
                        jurisdiction = :jurisdiction, valid_from = :from, valid_to = :to, verified_by = :verifiedBy,
                        verified_at = :verifiedAt, evidence = :evidence, version = version + 1
                    WHERE id = :id AND version = :version"""), credential)
                    .param("id", credential.id())
                    .param("version", credential.version())
                    .update();
            if (updated == 0) {
                throw new ConcurrentChangeException("this credential");
            }
            return find(credential.id());
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    /** The columns an insert and an update both write. */
    private static JdbcClient.StatementSpec withFields(JdbcClient.StatementSpec statement, Credential credential) {
        var verification = credential.verification();
        return statement
                .param("title", credential.title())
                .param("number", credential.number())
                .param("body", credential.issuingBody())
                .param("jurisdiction", credential.jurisdiction())
                .param("from", credential.validFrom())
                .param("to", credential.validTo())
                .param("verifiedBy", verification == null ? null : verification.verifiedBy().value())
                .param("verifiedAt", verification == null ? null : Timestamp.from(verification.verifiedAt()))
                .param("evidence", verification == null ? null : verification.evidence());
    }

    private Credential find(long id) {
        return jdbc.sql("SELECT * FROM credential WHERE id = :id").param("id", id).query(JdbcCredentials::credential).single();
    }

    @Override
    public List<CpdEntry> cpdOf(UserId therapist) {
        return jdbc.sql("SELECT * FROM cpd_entry WHERE therapist_id = :therapist ORDER BY entry_date, id")
                .param("therapist", therapist.value())
                .query((row, number) -> new CpdEntry(new UserId(row.getLong("therapist_id")),
                        row.getObject("entry_date", LocalDate.class), row.getBigDecimal("hours").doubleValue(),
                        row.getString("topic")))
                .list();
    }

    @Override
    @Transactional
    public void addCpd(CpdEntry entry) {
        try {
            jdbc.sql("INSERT INTO cpd_entry (therapist_id, entry_date, hours, topic) VALUES (:therapist, :date, :hours, :topic)")
                    .param("therapist", entry.therapist().value())
                    .param("date", entry.date())
                    .param("hours", entry.hours())
                    .param("topic", entry.topic())
                    .update();
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    private static Credential credential(ResultSet row, int number) throws SQLException {
        var verifiedBy = row.getObject("verified_by");
        return new Credential(
                row.getLong("id"),
                row.getLong("version"),
                new UserId(row.getLong("therapist_id")),
                CredentialType.valueOf(row.getString("credential_type")),
                row.getString("title"),
                row.getString("number"),
                row.getString("issuing_body"),
                row.getString("jurisdiction"),
                row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class),
                verifiedBy == null ? null : new Verification(new UserId(row.getLong("verified_by")),
                        row.getTimestamp("verified_at").toInstant(), row.getString("evidence")));
    }
}
