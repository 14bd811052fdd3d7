package org.unstuck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@UnstuckAppTest
class ApplicationStartsTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void flyway_migrated_the_empty_database_to_the_latest_version() {
        var applied = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single();
        var failed = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success").query(Integer.class).single();
        assertThat(applied).isPositive();
        assertThat(failed).isZero();
    }

    @Test
    void the_demo_practice_seeds_every_demo_login_once() {
        // Other tests add people of their own to the same database, so only the demo logins are counted.
        var usernames = jdbc.sql("SELECT username FROM user_account WHERE username NOT LIKE '%.%' ORDER BY username")
                .query(String.class).list();
        assertThat(usernames).containsExactly(
                "admin", "manager", "supervisor1", "supervisor2", "therapist1", "therapist2", "therapist3", "therapist4");
    }

    @Test
    void passwords_are_stored_as_pbkdf2_hashes_never_as_text() {
        var hashes = jdbc.sql("SELECT password_hash FROM user_account").query(String.class).list();
        assertThat(hashes).allSatisfy(hash -> assertThat(hash).startsWith("{pbkdf2}").doesNotContain("demo-password"));
    }

    @Test
    void health_is_open_to_anyone_and_says_up_without_details() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "diskSpace", "db");
    }

    @Test
    void no_other_actuator_endpoint_is_served_to_anyone() throws Exception {
        for (var endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"}) {
            var response = get(endpoint);
            assertThat(response.statusCode()).as(endpoint).isNotEqualTo(200);
            assertThat(response.body()).as(endpoint).doesNotContain("spring.datasource");
        }
    }

    @Test
    void an_anonymous_request_for_a_screen_is_sent_to_the_login_page() throws Exception {
        var response = get("/team");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void the_login_page_is_served_and_not_cached() throws Exception {
        var response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void every_response_forbids_framing_keeps_the_referrer_on_site_and_carries_the_content_security_policy()
            throws Exception {
        for (var path : new String[] {"/login", "/team", "/styles.css", "/actuator/health"}) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "report-uri /csp-report"));
            assertThat(headers.allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(headers.allValues("Referrer-Policy")).as(path).containsExactly("same-origin");
        }
    }

    @Test
    void behind_a_tls_proxy_the_session_cookie_is_secure_and_strict_transport_security_is_sent() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));

        var plain = get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void a_redirect_to_sign_in_never_carries_the_session_id_in_its_address() throws Exception {
        var response = get("/VAADIN/");
        assertThat(response.statusCode()).isBetween(300, 399);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/login").doesNotContainIgnoringCase("jsessionid"));
    }

    private HttpResponse<String> signIn(String origin, String fetchSite) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody.cross-site&password=not-the-password"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused_and_audited() throws Exception {
        var refusedBefore = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'login.cross-site'")
                .query(Integer.class).single();

        assertThat(signIn("https://attacker.example", null).statusCode()).isEqualTo(403);
        assertThat(signIn(null, "cross-site").statusCode()).isEqualTo(403);
        assertThat(signIn("http://localhost:" + port, "same-site").statusCode()).as("a sibling subdomain is another site")
                .isEqualTo(403);

        var sameSite = signIn("http://localhost:" + port, "same-origin");
        assertThat(sameSite.statusCode()).isEqualTo(302);
        assertThat(sameSite.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .contains("/login?error"));
        assertThat(signIn("http://localhost:" + port, null).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'login.cross-site'").query(Integer.class).single())
                .isEqualTo(refusedBefore + 3);
    }
}
