package org.unstuck.web.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionLimit;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.practice.PasswordPolicy;
import org.unstuck.domain.practice.UserAccounts;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions, AuditTrail audit, Clock clock)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/styles.css").permitAll()
                .requestMatchers(HttpMethod.POST, ContentSecurityReports.PATH).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ContentSecurityReports.PATH));
        http.headers(headers -> headers
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(hsts -> hsts.disable())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.addFilterBefore(new CrossSiteSignInFilter(audit, clock), UsernamePasswordAuthenticationFilter.class);
        // Every session is registered, so that disabling an account or changing its password can end them all.
        http.sessionManagement(management -> management.sessionConcurrency(concurrency -> concurrency
                .maximumSessions(SessionLimit.UNLIMITED).sessionRegistry(sessions)
                .expiredSessionStrategy(SecurityConfiguration::endedSession)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * The first request of a session ended by an admin, after which the session is gone: a page goes
     * to the login view; a request of an open Vaadin page is told its session expired, so the page
     * reloads and lands there too instead of showing an invalid response.
     */
    private static void endedSession(SessionInformationExpiredEvent event) throws IOException {
        var request = event.getRequest();
        var response = event.getResponse();
        if (HandlerHelper.isFrameworkInternalRequest("/*", request)) {
            response.setContentType("application/json; charset=UTF-8");
            response.getWriter().write(VaadinService.createSessionExpiredJSON(false));
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    /** The password first, then, for a clinical or admin role, the second factor. */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder, UserAccounts accounts,
            SecondFactor secondFactor, LoginAttempts attempts) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new PasswordThenCode(passwords, accounts, secondFactor, attempts);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends or changes its id. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The common-password list of nbvcxz, read once; only its entries of 12 characters or more are kept. */
    @Bean
    PasswordPolicy passwordPolicy() throws Exception {
        try (var list = new ClassPathResource("dictionaries/passwords.txt").getInputStream()) {
            return PasswordPolicy.withCommonPasswordsFrom(Objects.requireNonNull(list));
        }
    }

    /**
     * PBKDF2 with SHA-256 for new passwords: unlike bcrypt it takes every one of the 128 characters
     * a password may have (bcrypt stops at 72 bytes). Each stored hash names its algorithm, so
     * bcrypt hashes made earlier still verify.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("pbkdf2", Map.of(
                "pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
