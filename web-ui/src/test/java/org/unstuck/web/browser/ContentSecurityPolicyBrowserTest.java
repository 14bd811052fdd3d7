package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every screen of every role works under the content security policy: the browser reports no violation. */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    private static final Map<String, List<String>> SCREENS = Map.of(
            "therapist1", List.of("/", "/caseload", "/my-credentials", "/emergency-access", "/account/password"),
            "supervisor1", List.of("/review", "/meetings", "/follow-ups", "/team", "/reports"),
            "manager", List.of("/therapists", "/credentials", "/credential-policy", "/import", "/reports", "/approvals"),
            "admin", List.of("/admin/users", "/admin/audit", "/admin/jobs", "/admin/settings", "/approvals"));

    @Autowired JdbcClient jdbc;

    @Test
    void no_screen_of_any_role_breaks_the_policy() {
        var screens = new HashMap<>(SCREENS);
        var caseId = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist1' AND c.closed_on IS NULL ORDER BY c.id LIMIT 1""").query(Long.class).single();
        var meetingId = jdbc.sql("""
                SELECT m.id FROM review_meeting m JOIN user_account u ON u.id = m.supervisor_id
                WHERE u.username = 'supervisor1' ORDER BY m.meeting_date DESC LIMIT 1""").query(Long.class).single();
        screens.put("supervisor1", concat(SCREENS.get("supervisor1"), "/cases/" + caseId, "/meetings/" + meetingId));
        var violations = new ArrayList<String>();
        browser().open("/login");
        browser().visible(By.id("vaadinLoginUsername"));
        violations.addAll(policyMessages("/login"));
        for (var role : screens.entrySet()) {
            signInAs(role.getKey());
            for (var path : role.getValue()) {
                browser().open(path);
                browser().visible(By.cssSelector("main, .page"));
                violations.addAll(policyMessages(role.getKey() + " " + path));
            }
            browser().driver().manage().deleteAllCookies();
        }
        assertThat(violations).isEmpty();
    }

    private static List<String> concat(List<String> paths, String... more) {
        var all = new ArrayList<>(paths);
        all.addAll(List.of(more));
        return all;
    }

    private List<String> policyMessages(String where) {
        return browser().consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .map(message -> where + ": " + message)
                .toList();
    }
}
