package org.unstuck.web.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mail is sent. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} no e-mail is sent at all, and the admin's home says so.
 *
 * @param from the sender's address
 * @param linkBase the address of the application as its users open it, for the links in e-mails
 * @param maxAttempts how often a message is tried before it is left as failed
 * @param firstRetry the wait after the first failure; it doubles after each further one
 */
@ConfigurationProperties("unstuck.mail")
public record MailProperties(
        @DefaultValue("unstuck@localhost") String from,
        @DefaultValue("http://localhost:8080/") String linkBase,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT30S") Duration sendEvery) {
}
