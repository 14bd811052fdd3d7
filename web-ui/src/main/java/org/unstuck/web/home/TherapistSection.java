package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.review.ReferralRow;

/** The therapist's part of the home. */
class TherapistSection extends Section {

    private final Instant now;

    TherapistSection(TherapistHome.Contents home) {
        now = home.now();
        setId("home-therapist");
        addClassName("home-section");
        var cards = new Div();
        cards.addClassName("home-cards");
        cards.add(new HomeCard("home-flagged", getTranslation("home.therapist.flagged"))
                .list(home.flagged(), this::flagged, getTranslation("home.therapist.flagged.none"))
                .link(getTranslation("home.therapist.flagged.link"), "caseload"));
        cards.add(new HomeCard("home-referrals", getTranslation("home.therapist.referrals"))
                .list(home.referrals(), this::referral, getTranslation("home.therapist.referrals.none"))
                .link(getTranslation("home.therapist.referrals.link"), "caseload"));
        cards.add(new HomeCard("home-notes-owed", getTranslation("home.therapist.notes"))
                .list(home.notesOwed(), this::noteOwed, getTranslation("home.therapist.notes.none")));
        var credentials = new HomeCard("home-credentials", getTranslation("home.therapist.credentials"))
                .list(home.credentialsEnding(), this::credential,
                        home.cpdShort() == null ? getTranslation("home.therapist.credentials.none", home.warningDays()) : "");
        if (home.cpdShort() != null) {
            credentials.note(getTranslation("home.cpd-short", Labels.score(home.cpdShort().hoursDone()),
                    Labels.score(home.cpdShort().hoursRequired())));
        }
        cards.add(credentials.link(getTranslation("home.therapist.credentials.link"), "my-credentials"));
        cards.add(meeting(home.nextMeeting()));
        var heading = new H2(getTranslation("home.section.therapist"));
        add(heading, cards);
    }

    private List<Component> flagged(CaseRow row) {
        return CaseLine.of(row, false, now);
    }

    private List<Component> noteOwed(CaseRow row) {
        var why = new Span(getTranslation("home.therapist.notes.since", getTranslation("status." + row.status().name()),
                Labels.date(row.statusSince())));
        why.addClassName("home-detail");
        return List.of(new StatusBadge(row.status()), CaseLine.client(row.caseId(), row.clientCode()), why);
    }

    private List<Component> referral(ReferralRow row) {
        var from = new Span(getTranslation("home.therapist.referral.from", row.fromTherapist(), row.presentingProblem()));
        from.addClassName("home-detail");
        return List.of(new Span(row.clientCode()), from);
    }

    private List<Component> credential(RequirementStatus requirement) {
        var type = getTranslation("credential.type." + requirement.type().name());
        var text = switch (requirement.status()) {
            case EXPIRING -> getTranslation("home.credential.ends", type, Labels.date(requirement.validTo()),
                    requirement.daysLeft());
            case EXPIRED -> getTranslation("home.credential.ended", type, Labels.date(requirement.validTo()));
            default -> getTranslation("home.credential.missing", type);
        };
        var line = new Span(text);
        if (requirement.status() != ComplianceStatus.EXPIRING) {
            line.addClassName("home-problem");
        }
        return List.of(line);
    }

    private HomeCard meeting(@Nullable NextMeeting next) {
        var card = new HomeCard("home-next-meeting", getTranslation("home.therapist.meeting"));
        if (next == null) {
            return card.note(getTranslation("home.therapist.meeting.none"));
        }
        card.note(getTranslation("home.meeting.when", Labels.longDate(next.date()), next.startsAt(), next.place()));
        card.note(getTranslation("home.therapist.meeting.held-by", next.heldBy(), next.agendaSize()));
        if (next.ownCases().isEmpty()) {
            return card.note(getTranslation("home.therapist.meeting.none-of-yours"));
        }
        var yours = new Div(new Span(getTranslation("home.therapist.meeting.yours")));
        yours.addClassName("home-own-cases");
        next.ownCases().forEach(own -> yours.add(new Anchor("cases/" + own.caseId(), own.clientCode())));
        card.add(yours);
        return card;
    }
}
