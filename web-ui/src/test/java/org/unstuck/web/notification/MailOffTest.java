package org.unstuck.web.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.web.account.MyEmail;
import org.unstuck.web.home.AdminHome;
import org.unstuck.web.importing.ImportAppTest;

/** Without an SMTP server set, e-mail is off, and the admin's home and each person's settings say so. */
@ImportAppTest
class MailOffTest {

    @Autowired AdminHome adminHome;
    @Autowired MyEmail myEmail;
    @Autowired Mailer mailer;

    @Test
    @WithUserDetails("admin")
    void the_admins_home_shows_no_mail_queue() {
        assertThat(adminHome.read().mail()).isNull();
    }

    @Test
    @WithUserDetails("therapist1")
    void a_persons_settings_say_mail_is_off_and_the_sender_sends_nothing() {
        assertThat(myEmail.read().mailOn()).isFalse();
        assertThat(mailer.sendDue()).isZero();
    }
}
