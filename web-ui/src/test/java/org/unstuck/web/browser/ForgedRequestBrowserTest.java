package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vaadin's CSRF token stays on: a request of the page's own, sent again with another token, is
 * refused and does nothing, while the same request with the page's token is carried out, and its
 * response is not to be stored by the browser or a proxy.
 */
class ForgedRequestBrowserTest extends BrowserTest {

    /** Keeps the body of every request sent to the server's UI endpoint, marking those the test sent itself. */
    private static final String RECORD_REQUESTS = """
            window.__uidl = [];
            const send = XMLHttpRequest.prototype.send;
            const open = XMLHttpRequest.prototype.open;
            XMLHttpRequest.prototype.open = function (method, url) { this.__url = url; return open.apply(this, arguments); };
            XMLHttpRequest.prototype.send = function (body) {
                if (String(this.__url).includes('v-r=uidl')) { window.__uidl.push({ url: String(this.__url), body: String(body), replayed: !!window.__replaying }); }
                return send.apply(this, arguments);
            };""";

    /**
     * Sends the recorded click again as the page's next request, numbered after the page's own
     * latest (a refused request is not counted by the server), with the given token (the page's own
     * when none is given), and answers the response.
     */
    private static final String REPLAY = """
            const sent = window.__uidl.filter(request => !request.replayed).map(request => JSON.parse(request.body));
            const click = window.__uidl.find(request => request.body.includes('"click"'));
            const message = JSON.parse(click.body);
            message.clientId = Math.max(...sent.map(m => m.clientId)) + 1;
            message.syncId = Math.max(...sent.map(m => m.syncId)) + 1;
            if (arguments[0] !== null) { message.csrfToken = arguments[0]; }
            const request = new XMLHttpRequest();
            request.open('POST', click.url, false);
            request.setRequestHeader('Content-Type', 'application/json; charset=UTF-8');
            window.__replaying = true;
            try { request.send(JSON.stringify(message)); } finally { window.__replaying = false; }
            return { status: request.status, text: request.responseText, cache: request.getResponseHeader('Cache-Control') };""";

    /** Whether the page has a request of its own under way or a response still to apply. */
    private static final String PAGE_BUSY = """
            return Object.values(window.Vaadin.Flow.clients).some(client => client.isActive && client.isActive());""";

    @Autowired JdbcClient jdbc;

    private int chainChecks() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'admin' AND action = 'audit.verify'")
                .query(Integer.class).single();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_request_with_a_forged_token_is_refused_and_the_same_with_the_pages_token_is_carried_out() {
        signInAs("admin");
        browser().open("/admin/audit");
        browser().visible(By.id("audit-chain-check"));
        var script = (JavascriptExecutor) browser().driver();
        script.executeScript(RECORD_REQUESTS);
        var before = chainChecks();
        browser().click(By.id("audit-chain-check"));
        browser().waitFor(driver -> chainChecks() == before + 1);
        browser().waitFor(driver -> !(Boolean) script.executeScript(PAGE_BUSY));

        var forged = (Map<String, Object>) script.executeScript(REPLAY, "a-token-of-the-attacker");
        assertThat(chainChecks()).as("the forged request did nothing").isEqualTo(before + 1);
        assertThat(String.valueOf(forged.get("text"))).doesNotContain("Checked just now");

        var genuine = (Map<String, Object>) script.executeScript(REPLAY, (Object) null);
        assertThat(genuine.get("status")).isEqualTo(200L);
        assertThat(String.valueOf(genuine.get("cache"))).as("a UI response carrying clinical data is never stored")
                .contains("no-store");
        assertThat(chainChecks()).as("the same request with the page's token is carried out").isEqualTo(before + 2);
    }
}
