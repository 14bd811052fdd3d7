package org.unstuck.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages and UI requests may carry clinical data, so no browser or proxy keeps them; only versioned
 * static resources may be cached. This holds on every path, the ones Spring Security ignores too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoStoreHeadersFilter extends OncePerRequestFilter {

    private static final List<String> CACHEABLE_PREFIXES = List.of("/VAADIN/build/", "/VAADIN/static/", "/styles.css", "/icons/", "/favicon");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (CACHEABLE_PREFIXES.stream().noneMatch(path::startsWith)) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
