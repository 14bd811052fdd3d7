package org.unstuck.persistence.settings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;

@Repository
@Transactional(readOnly = true)
class JdbcCredentialPolicies implements CredentialPolicies {

    private final JdbcClient jdbc;

    JdbcCredentialPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Versioned<CredentialPolicy> current() {
        return jdbc.sql("SELECT * FROM credential_policy WHERE id = 1")
                .query((row, number) -> {
                    var types = EnumSet.noneOf(CredentialType.class);
                    Arrays.stream((String[]) row.getArray("required_types").getArray())
                            .map(CredentialType::valueOf).forEach(types::add);
                    return new Versioned<>(new CredentialPolicy(types, row.getDouble("cpd_hours_per_year"),
                            row.getInt("warning_days")), row.getLong("version"));
                })
                .single();
    }

    @Override
    @Transactional
    public Versioned<CredentialPolicy> save(CredentialPolicy policy, long editedFromVersion) {
        var updated = jdbc.sql("""
                UPDATE credential_policy SET required_types = string_to_array(:types, ',')::VARCHAR(20)[],
                    cpd_hours_per_year = :hours, warning_days = :days, version = version + 1
                WHERE id = 1 AND version = :version""")
                .param("types", policy.required().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                .param("hours", policy.cpdHoursPerYear())
                .param("days", policy.warningDays())
                .param("version", editedFromVersion)
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("the credential policy");
        }
        return current();
    }
}
