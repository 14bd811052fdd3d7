package org.unstuck.web.security;

import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where browsers report what the content security policy blocked: each report is logged as a
 * warning, cut to a bounded length, so a policy that breaks a screen shows in the log.
 */
@RestController
class ContentSecurityReports {

    static final String PATH = "/csp-report";
    private static final int MOST_LOGGED = 2000;
    private static final Logger log = LoggerFactory.getLogger(ContentSecurityReports.class);

    @PermitAll
    @PostMapping(path = PATH, consumes = {"application/csp-report", "application/json", "application/reports+json"})
    ResponseEntity<Void> report(@RequestBody byte[] report) {
        var text = new String(report, 0, Math.min(report.length, MOST_LOGGED), StandardCharsets.UTF_8);
        log.warn("Content security policy violation reported: {}", text);
        return ResponseEntity.noContent().build();
    }
}
