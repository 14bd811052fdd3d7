package org.unstuck.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every response carries, on the paths Spring Security ignores too: pages and UI
 * requests may carry clinical data, so no browser or proxy keeps them (only versioned static
 * resources may be cached); no other site may frame a page; the referrer stays on this site; and
 * the content security policy lets in only this site's own scripts, styles and connections; over
 * TLS, browsers are told to come back over TLS only.
 * Vaadin's client needs inline styles and scripts and {@code eval}, so those stay allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "report-uri " + ContentSecurityReports.PATH;

    private static final List<String> CACHEABLE_PREFIXES = List.of("/VAADIN/build/", "/VAADIN/static/", "/styles.css", "/icons/", "/favicon");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var answered = response;
        if (CACHEABLE_PREFIXES.stream().noneMatch(path::startsWith)) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
            answered = new NeverCached(response);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, answered);
    }

    /** Keeps the no-store headers when a handler behind this filter, such as Vaadin's UI requests, sets its own. */
    private static final class NeverCached extends HttpServletResponseWrapper {

        private static final Set<String> KEPT = Set.of("cache-control", "pragma", "expires");

        NeverCached(HttpServletResponse response) {
            super(response);
        }

        private static boolean passes(String name) {
            return !KEPT.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public void setHeader(String name, String value) {
            if (passes(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (passes(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (passes(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (passes(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
