package org.unstuck.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;

/**
 * Refuses a sign-in posted from another site (login CSRF: a page elsewhere signing the visitor's
 * browser in as its own account). Vaadin leaves the sign-in form without a CSRF token, so the
 * browser's own word decides: Sec-Fetch-Site when it sends one, else the Origin header.
 */
class CrossSiteSignInFilter extends OncePerRequestFilter {

    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final AuditTrail audit;
    private final Clock clock;

    CrossSiteSignInFilter(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            audit.record(new AuditEvent(clock.instant(), "anonymous", "login.cross-site", null,
                    "origin " + request.getHeader("Origin"), Outcome.REFUSED, null));
            // Answered here: an error dispatch would pass the sign-in check again and end as a redirect to the sign-in page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().write("Sign in from this site's own sign-in page.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        var fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !SAME_SITE_FETCHES.contains(fetchSite);
        }
        var origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        var parsed = parse(origin);
        return parsed != null && request.getScheme().equalsIgnoreCase(parsed.getScheme())
                && request.getServerName().equalsIgnoreCase(parsed.getHost())
                && request.getServerPort() == port(parsed);
    }

    private static @Nullable URI parse(String origin) {
        try {
            var uri = URI.create(origin.strip());
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
