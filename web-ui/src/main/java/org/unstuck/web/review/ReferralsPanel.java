package org.unstuck.web.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.unstuck.domain.credential.TherapistNotReadyException;
import org.unstuck.web.common.InvalidEntryException;

/** Referrals waiting for the therapist's answer, each with accept and decline. */
public class ReferralsPanel extends Div {

    public ReferralsPanel(List<ReferralRow> waiting, ReferralService referrals, Runnable answered) {
        addClassName("referrals-panel");
        setId("referrals");
        add(new H3(getTranslation("referrals.title")), new Paragraph(getTranslation("referrals.intro")));
        for (var referral : waiting) {
            var text = new Span(getTranslation("referrals.item", referral.clientCode(), referral.presentingProblem(),
                    referral.fromTherapist(), referral.rationale()));
            var accept = new Button(getTranslation("referrals.accept"), click -> {
                try {
                    referrals.accept(referral.referralId());
                    Notification.show(getTranslation("referrals.accepted", referral.clientCode()), 6000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    answered.run();
                } catch (TherapistNotReadyException notReady) {
                    Notification.show(notReady.getMessage(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            accept.setId("accept-referral-" + referral.referralId());
            var reason = new TextField();
            reason.setPlaceholder(getTranslation("referrals.decline.reason"));
            var decline = new Button(getTranslation("referrals.decline"), click -> {
                try {
                    referrals.decline(referral.referralId(), reason.getValue());
                    Notification.show(getTranslation("referrals.declined", referral.clientCode(), reason.getValue().strip()),
                            6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    answered.run();
                } catch (InvalidEntryException invalid) {
                    reason.setErrorMessage(invalid.getMessage());
                    reason.setInvalid(true);
                }
            });
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            decline.setId("decline-referral-" + referral.referralId());
            reason.setId("decline-reason-" + referral.referralId());
            reason.setMaxLength(300);
            var row = new HorizontalLayout(text, accept, reason, decline);
            row.addClassName("wrap-row");
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(row);
        }
    }
}
