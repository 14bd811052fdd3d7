package org.unstuck.web.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

/** Seeds the demo practice into an empty database, and tells at start how to sign in. */
@Component
@Conditional(DemoPracticeCondition.class)
class DemoPractice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);

    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final PasswordEncoder passwords;
    private final Environment environment;

    DemoPractice(UserAccounts accounts, SupervisionPairs supervision, PasswordEncoder passwords, Environment environment) {
        this.accounts = accounts;
        this.supervision = supervision;
        this.passwords = passwords;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (accounts.count() > 0) {
            return;
        }
        Map<String, UserId> ids = new HashMap<>();
        for (var person : DemoLogins.PEOPLE) {
            var stored = accounts.save(UserAccount.newAccount(new Username(person.username()), person.displayName(),
                    passwords.encode(DemoLogins.PASSWORD), person.roles()));
            ids.put(person.username(), Objects.requireNonNull(stored.id()));
        }
        DemoLogins.SUPERVISION.forEach(pair -> supervision.add(ids.get(pair.supervisor()), ids.get(pair.therapist())));
        log.info("Seeded the demo practice: {} people, {} supervision pairs",
                DemoLogins.PEOPLE.size(), DemoLogins.SUPERVISION.size());
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        var port = environment.getProperty("local.server.port", "8080");
        var logins = DemoLogins.PEOPLE.stream()
                .map(person -> String.format("  %-12s %s", person.username(), person.displayName()))
                .collect(Collectors.joining(System.lineSeparator()));
        log.info("""

                Unstuck is ready at http://localhost:{}/
                Demo logins (password for all: {}):
                {}
                """, port, DemoLogins.PASSWORD, logins);
    }
}
