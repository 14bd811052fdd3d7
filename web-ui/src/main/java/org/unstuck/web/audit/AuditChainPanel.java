package org.unstuck.web.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.unstuck.persistence.audit.AuditChainCheck;

/** The audit chain's latest check, and a button that checks it again now. */
public class AuditChainPanel extends Div {

    private final AuditChainChecks checks;
    private final Runnable afterCheck;
    private final Paragraph status = new Paragraph();

    /**
     * @param afterCheck what to refresh once a check, itself an audit entry, is done
     * @param explained whether to say how the chain works and when it is checked
     */
    public AuditChainPanel(AuditChainChecks checks, Runnable afterCheck, boolean explained) {
        this.checks = checks;
        this.afterCheck = afterCheck;
        setId("audit-chain");
        addClassName("audit-chain");
        status.setId("audit-chain-status");
        var checkNow = new Button(getTranslation("audit.chain.check-now"), click -> checkNow());
        checkNow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        checkNow.setId("audit-chain-check");
        checkNow.setDisableOnClick(true);
        checkNow.addClickListener(click -> checkNow.setEnabled(true));
        add(new H3(getTranslation("audit.chain.title")));
        if (explained) {
            var about = new Paragraph(getTranslation("audit.chain.about", AuditChainChecks.NIGHTLY_AT, checks.zone().getId()));
            about.addClassName("hint");
            add(about);
        }
        add(status, checkNow);
        show(checks.latest().stream().findFirst().orElse(null));
    }

    private void checkNow() {
        var check = checks.checkNow();
        show(check);
        afterCheck.run();
        var notice = Notification.show(getTranslation("audit.chain.checked-now", summary(check)), 8000, Notification.Position.BOTTOM_START);
        notice.addThemeVariants(check.verification().intact() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    private void show(AuditChainCheck check) {
        status.removeClassName("form-refusal");
        if (check == null) {
            status.setText(getTranslation("audit.chain.never"));
            return;
        }
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(check.checkedAt().atZone(checks.zone()));
        var by = check.requestedBy() == null ? getTranslation("audit.chain.by-nightly")
                : getTranslation("audit.chain.by-person", check.requestedBy());
        status.setText(getTranslation("audit.chain.checked", when, by) + " " + summary(check));
        if (!check.verification().intact()) {
            status.addClassName("form-refusal");
        }
    }

    private String summary(AuditChainCheck check) {
        var verification = check.verification();
        return check.firstBreak()
                .map(found -> getTranslation("audit.chain.broken." + found.problem().name(), found.entry()) + " "
                        + getTranslation("audit.chain.broken.then", found.entry()))
                .orElseGet(() -> getTranslation("audit.chain.intact", verification.entriesChecked(),
                        verification.head().sequence(), verification.anchorsChecked()));
    }
}
