package org.unstuck.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.UnstuckAppTest;

/** Sign-ins posted as browsers behind the practice's proxy would, each from its own client address. */
@UnstuckAppTest
class SignInThrottlingTest {

    private static final String DEMO_PASSWORD = "demo-password";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MovableInstants instants;

    @AfterEach
    void realTime() {
        instants.reset();
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Whether the sign-in went through: the sign-in page sends a failure back to itself. */
    private boolean signIn(String username, String password, String fromAddress) throws IOException, InterruptedException {
        var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .header("X-Forwarded-For", fromAddress)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return !response.headers().firstValue("Location").orElseThrow().contains("/login?error");
    }

    private int audited(String action, String subjectPart) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND subject LIKE :subject")
                .param("action", action).param("subject", "%" + subjectPart + "%").query(Integer.class).single();
    }

    @Test
    void wrong_passwords_from_one_address_delay_that_address_only_so_nobody_locks_a_person_out() throws Exception {
        for (int attempt = 1; attempt <= LoginAttempts.FREE_FAILURES + 1; attempt++) {
            assertThat(signIn("therapist3", "guess-" + attempt, "198.51.100.7")).isFalse();
        }

        assertThat(signIn("therapist3", DEMO_PASSWORD, "198.51.100.7")).as("the guessing address waits").isFalse();
        assertThat(signIn("therapist3", DEMO_PASSWORD, "203.0.113.20")).as("the therapist's own address does not").isTrue();
        assertThat(audited("login.locked", "from 198.51.100.7 for 30 s")).isOne();
        assertThat(audited("login.while-locked", "from 198.51.100.7, waits until")).isOne();
    }

    @Test
    void one_address_guessing_at_many_usernames_is_slowed_with_growing_delays() throws Exception {
        var address = "198.51.100.44";
        for (int attempt = 1; attempt <= LoginAttempts.FREE_FAILURES_PER_ADDRESS + 2; attempt++) {
            assertThat(signIn("someone" + attempt % 10 + ".else", "guess-" + attempt, address)).isFalse();
        }

        assertThat(signIn("supervisor2", DEMO_PASSWORD, address)).as("every name from that address waits").isFalse();
        assertThat(signIn("supervisor2", DEMO_PASSWORD, "203.0.113.21")).isTrue();
        assertThat(audited("login.address-locked", address + " for 30 s")).isOne();
        assertThat(signIn("nobody.at.all", "guess", address)).as("a name that does not exist waits the same").isFalse();
        assertThat(audited("login.while-locked", "from " + address)).as("refused while waiting, not counted").isEqualTo(3);
        assertThat(audited("login.address-locked", address + " for 60 s")).isZero();

        instants.advance(LoginAttempts.FIRST_DELAY.plusSeconds(1));
        assertThat(signIn("someone.else", "guess-again", address)).isFalse();
        assertThat(audited("login.address-locked", address + " for 60 s")).as("each further failure waits longer").isOne();
    }

    @Test
    void many_addresses_guessing_at_one_name_are_slowed_but_not_where_that_person_signed_in_before() throws Exception {
        assertThat(signIn("therapist4", DEMO_PASSWORD, "203.0.113.40")).isTrue();
        for (int attempt = 1; attempt <= LoginAttempts.FREE_FAILURES_PER_NAME + 1; attempt++) {
            assertThat(signIn("therapist4", "guess-" + attempt, "198.51.100." + (100 + attempt))).isFalse();
        }

        assertThat(signIn("therapist4", DEMO_PASSWORD, "198.51.100.200")).as("a new address waits").isFalse();
        assertThat(signIn("therapist4", DEMO_PASSWORD, "203.0.113.40")).as("the therapist's usual address does not").isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor = 'therapist4' AND action = 'login.locked'
                  AND subject LIKE 'from every address it has not signed in from, for 30 s, until %'""")
                .query(Integer.class).single()).isOne();
    }

    @Test
    void the_delay_doubles_from_thirty_seconds_up_to_fifteen_minutes() {
        assertThat(LoginAttempts.delay(1)).hasSeconds(30);
        assertThat(LoginAttempts.delay(2)).hasSeconds(60);
        assertThat(LoginAttempts.delay(5)).hasSeconds(480);
        assertThat(LoginAttempts.delay(6)).hasMinutes(15);
        assertThat(LoginAttempts.delay(400)).hasMinutes(15);
    }
}
