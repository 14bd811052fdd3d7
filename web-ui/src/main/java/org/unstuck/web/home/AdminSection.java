package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.persistence.audit.SignInTrouble;
import org.unstuck.persistence.notification.JdbcMail;
import org.unstuck.web.audit.AuditChainChecks;
import org.unstuck.web.audit.AuditChainPanel;
import org.unstuck.web.common.Labels;
import org.unstuck.web.jobs.JobRunItem;

/** The admin's part of the home: the scheduled jobs, the audit chain, sign-in trouble and second-factor exemptions. */
class AdminSection extends Section {

    AdminSection(AdminHome.Contents home, AuditChainChecks chainChecks) {
        setId("home-admin");
        addClassName("home-section");
        var cards = new Div();
        cards.addClassName("home-cards");
        var jobs = new HomeCard("home-jobs", getTranslation("home.admin.jobs"));
        for (var job : home.jobs()) {
            jobs.add(new H4(getTranslation("jobs." + job.job())));
            var latest = job.runs().stream().findFirst();
            if (latest.isEmpty()) {
                jobs.note(getTranslation("home.admin.jobs.never", when(job.nextRun(), job.zone())));
                continue;
            }
            var list = new UnorderedList(new JobRunItem(latest.get(), job.zone()));
            list.addClassName("home-items");
            jobs.add(list);
        }
        cards.add(jobs.link(getTranslation("home.admin.jobs.link"), "admin/jobs"));
        cards.add(mail(home.mail()));
        cards.add(ApprovalsCard.of(this, getLocale(), home.approvals()));
        var chain = new AuditChainPanel(chainChecks, () -> { }, false);
        chain.addClassName("home-card");
        cards.add(chain);
        cards.add(signIns(home.signIns(), home.zone()));
        var exempt = new HomeCard("home-exempt", getTranslation("home.admin.exempt"));
        exempt.note(home.exemptFromSecondFactor().isEmpty() ? getTranslation("home.admin.exempt.none")
                : getTranslation("home.admin.exempt.some", home.exemptFromSecondFactor().size(),
                        String.join(", ", home.exemptFromSecondFactor())));
        cards.add(exempt.link(getTranslation("home.admin.exempt.link"), "admin/users"));
        add(new H2(getTranslation("home.section.admin")), cards);
    }

    /** Whether e-mail goes out at all, and if so what waits, what went out and what keeps failing. */
    private HomeCard mail(JdbcMail.@Nullable Outbox outbox) {
        var card = new HomeCard("home-mail", getTranslation("home.admin.mail"));
        if (outbox == null) {
            return card.note(getTranslation("home.admin.mail.off"));
        }
        card.note(getTranslation("home.admin.mail.on", outbox.waiting(), outbox.sentLastDay()));
        if (outbox.failing() > 0) {
            var failing = new Paragraph(getTranslation("home.admin.mail.failing", outbox.failing(),
                    outbox.lastError() == null ? "" : outbox.lastError()));
            failing.addClassName("home-problem");
            card.add(failing);
        }
        return card;
    }

    private HomeCard signIns(SignInTrouble trouble, ZoneId zone) {
        var card = new HomeCard("home-sign-ins", getTranslation("home.admin.sign-ins", AdminHome.SIGN_IN_WINDOW.toHours()));
        var summary = new Paragraph(getTranslation("home.admin.sign-ins.summary", trouble.wrongAnswers(),
                trouble.triedWhileWaiting()));
        summary.setId("home-sign-ins-summary");
        card.add(summary);
        return card.list(trouble.waits(), wait -> {
            var who = new Span(wait.ofAddress() ? getTranslation("home.admin.sign-ins.address")
                    : getTranslation("home.admin.sign-ins.account", wait.username()));
            who.addClassName("home-problem");
            var detail = new Span(getTranslation("home.admin.sign-ins.at", when(wait.at(), zone),
                    wait.detail() == null ? "" : wait.detail()));
            detail.addClassName("home-detail");
            return List.<Component>of(who, detail);
        }, getTranslation("home.admin.sign-ins.none")).link(getTranslation("home.admin.sign-ins.link"), "admin/audit");
    }

    private String when(Instant instant, ZoneId zone) {
        return Labels.dateTime(instant, zone, getLocale());
    }
}
