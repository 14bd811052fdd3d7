package org.unstuck.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.db.DatabaseRoles;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.web.UnstuckApplication;
import org.unstuck.web.audit.AuditRecorder;

/** The one-command start: with no database configured, Unstuck runs its own and keeps its data. */
class EmbeddedDatabaseTest {

    /**
     * Under target, not a temporary folder: as root, the embedded server runs as an unprivileged
     * user, who cannot enter a folder that only its owner may open.
     */
    private static Path newDataDirectory() throws IOException {
        return Files.createDirectories(Path.of("target", "embedded-db-" + UUID.randomUUID())).resolve("postgres");
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return SpringApplication.run(UnstuckApplication.class,
                "--server.port=0", "--unstuck.embedded-database.directory=" + dataDirectory,
                "--unstuck.audit.key-file=" + dataDirectory.resolveSibling("audit-chain.key"),
                "--unstuck.audit.heads-file=" + dataDirectory.resolveSibling("audit-chain-heads.log"));
    }

    @Test
    void data_written_before_a_restart_is_there_after_it() throws IOException {
        var dataDirectory = newDataDirectory();
        try (var first = start(dataDirectory)) {
            assertThat(signsIn(first.getBean(EmbeddedPostgres.class).getPort(), "postgres", ""))
                    .as("a new folder's superuser has its password from the start").isFalse();
            assertThat(dataDirectory.resolveSibling("superuser-password.tmp")).as("its password file is gone").doesNotExist();
            first.getBean(AuditRecorder.class).allowed("case.read", null, "before the restart");
            assertThat(first.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                    pool -> assertThat(pool.getPoolName()).isEqualTo("embedded"));
            var jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            var accounts = first.getBean(UserAccounts.class);
            assertThat(accounts.count()).as("the demo practice is seeded with the embedded database").isEqualTo(8);
            accounts.save(UserAccount.newAccount(new Username("restart.marker"), "Restart Marker", "{bcrypt}x",
                    Set.of(Role.THERAPIST)));
        }
        assertThat(dataDirectory.resolve("postmaster.pid")).as("the server stops with the application").doesNotExist();
        var heads = dataDirectory.resolveSibling("audit-chain-heads.log");
        assertThat(Files.readAllLines(heads)).as("the first start writes the chain's head out before any check")
                .singleElement().asString().contains("outcome=intact");

        try (var second = start(dataDirectory)) {
            var accounts = second.getBean(UserAccounts.class);
            assertThat(accounts.findByUsername(new Username("restart.marker"))).isPresent();
            assertThat(accounts.count()).as("the demo practice is not seeded twice").isEqualTo(9);
            second.getBean(AuditRecorder.class).allowed("case.read", null, "after the restart");
            assertThat(second.getBean(AuditTrail.class).verify().intact())
                    .as("entries keyed before and after the restart verify with the key kept beside the data").isTrue();
        }
        assertThat(Files.readAllLines(heads)).as("a later start leaves the exported heads to the checks").hasSize(1);
        assertThat(Files.getPosixFilePermissions(dataDirectory.resolveSibling("audit-chain.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private static boolean signsIn(int port, String user, String password) {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", user,
                password)) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    @Test
    void a_folder_an_earlier_version_left_open_to_local_connections_asks_every_role_for_its_password_after_the_next_start()
            throws Exception {
        var dataDirectory = newDataDirectory();
        Files.createDirectories(dataDirectory);
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start()) {
            assertThat(signsIn(earlier.getPort(), "postgres", "")).as("as an earlier version left it").isTrue();
        }

        try (var application = start(dataDirectory)) {
            var port = application.getBean(EmbeddedPostgres.class).getPort();
            var passwords = new Properties();
            try (var in = Files.newInputStream(dataDirectory.resolveSibling(EmbeddedRoles.FILE_NAME))) {
                passwords.load(in);
            }
            assertThat(signsIn(port, "postgres", "")).as("the superuser without a password").isFalse();
            assertThat(signsIn(port, "postgres", "a-guessed-password")).isFalse();
            assertThat(signsIn(port, DatabaseRoles.OWNER, "a-guessed-password")).isFalse();
            assertThat(signsIn(port, DatabaseRoles.APPLICATION, "")).isFalse();
            assertThat(signsIn(port, "postgres", passwords.getProperty("superuser.password"))).isTrue();
            assertThat(signsIn(port, DatabaseRoles.APPLICATION, passwords.getProperty("application.password"))).isTrue();
            assertThat(application.getBean(UserAccounts.class).count()).isEqualTo(8);
        }
    }

    @Test
    void a_role_someone_made_while_the_server_let_them_in_without_a_password_stops_the_start_with_a_clear_message()
            throws Exception {
        var dataDirectory = newDataDirectory();
        Files.createDirectories(dataDirectory);
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
                var connection = earlier.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE ROLE intruder SUPERUSER LOGIN PASSWORD 'chosen-by-the-intruder'");
        }

        assertThatThrownBy(() -> start(dataDirectory))
                .rootCause()
                .hasMessageContaining("roles that can sign in which Unstuck did not make: intruder")
                .hasMessageContaining(EmbeddedRoles.FILE_NAME);
        assertThat(dataDirectory.resolve("postmaster.pid")).as("the server is stopped again").doesNotExist();
    }

    @Test
    void a_folder_in_use_by_another_running_database_is_refused_with_a_clear_message() throws Exception {
        var dataDirectory = newDataDirectory();
        Files.createDirectories(dataDirectory);
        try (var other = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start()) {
            assertThatThrownBy(() -> start(dataDirectory))
                    .rootCause()
                    .hasMessageContaining("is in use by another running Unstuck")
                    .hasMessageContaining("--unstuck.embedded-database.directory");
            assertThat(other.getPostgresDatabase().getConnection().isValid(5)).as("the other server is untouched").isTrue();
        }
    }
}
