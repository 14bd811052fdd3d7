package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/**
 * Asks before a session is voided, and why; voiding keeps it in the history. "Void and record the
 * correct one" corrects a session: the wrong one is voided and the session form opens for that day.
 */
class VoidSessionDialog extends Dialog {

    VoidSessionDialog(long caseId, String clientCode, Session session, CaseloadService caseload, Runnable voided,
            Runnable recordCorrected) {
        var day = Labels.date(session.date());
        setHeaderTitle(getTranslation("void-session.title", day));
        setWidth("32rem");
        var intro = new Paragraph(getTranslation("void-session.intro", day, getTranslation("attendance."
                + session.attendance().name())));
        var reason = new TextArea(getTranslation("void-session.reason"));
        reason.setMaxLength(SessionVoid.REASON_MAX);
        reason.setWidthFull();
        reason.setId("void-reason");
        var refusal = new Paragraph();
        refusal.addClassName("form-refusal");
        refusal.setVisible(false);
        add(intro, reason, refusal);
        Map<String, HasValidation> fields = Map.of("reason", reason);

        var voidOnly = new Button(getTranslation("void-session.save"), click -> {
            if (voidSession(caseId, clientCode, session, caseload, reason, fields, refusal)) {
                voided.run();
            }
        });
        voidOnly.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        voidOnly.setId("confirm-void");
        var correct = new Button(getTranslation("void-session.correct"), click -> {
            if (voidSession(caseId, clientCode, session, caseload, reason, fields, refusal)) {
                voided.run();
                recordCorrected.run();
            }
        });
        correct.setId("void-and-correct");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), correct, voidOnly);
    }

    private boolean voidSession(long caseId, String clientCode, Session session, CaseloadService caseload, TextArea reason,
            Map<String, HasValidation> fields, Paragraph refusal) {
        try {
            caseload.voidSession(caseId, session.date(), reason.getValue());
            close();
            Confirmation.show(getTranslation("void-session.saved", Labels.date(session.date()), clientCode));
            return true;
        } catch (InvalidEntryException invalid) {
            FieldErrors.show(fields, invalid);
            var other = invalid.fieldErrors().get("date");
            refusal.setText(other == null ? "" : other);
            refusal.setVisible(other != null);
            return false;
        }
    }
}
