package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.web.common.Labels;

/** The practice manager's part of the home: credentials and caseload counts, never clinical data. */
class ManagerSection extends Section {

    ManagerSection(ManagerHome.Contents home) {
        setId("home-manager");
        addClassName("home-section");
        var cards = new Div();
        cards.addClassName("home-cards");
        var stopping = home.problems().stream().filter(ManagerHome.Problem::stopsNewCases).toList();
        var credentials = home.problems().stream().filter(problem -> problem.type() != null).toList();
        var cpd = home.problems().stream().filter(problem -> problem.type() == null).toList();
        cards.add(new HomeCard("home-cannot-take-cases", getTranslation("home.manager.stopped"))
                .list(stopping, this::problem, getTranslation("home.manager.stopped.none")));
        cards.add(new HomeCard("home-credentials-attention", getTranslation("home.manager.attention", home.warningDays()))
                .list(credentials, this::problem, getTranslation("home.manager.attention.none", home.warningDays()))
                .link(getTranslation("home.manager.attention.link"), "credentials"));
        cards.add(new HomeCard("home-cpd-short", getTranslation("home.manager.cpd"))
                .list(cpd, this::problem, getTranslation("home.manager.cpd.none")));
        cards.add(ApprovalsCard.of(this, getLocale(), home.approvals()));
        cards.add(new HomeCard("home-caseloads", getTranslation("home.manager.caseloads"))
                .all(home.caseloads(), row -> {
                    var name = new Span(row.displayName());
                    name.addClassName("home-client");
                    var counts = new Span(getTranslation("home.manager.caseload", row.openCases(), row.casesClosedLastYear()));
                    counts.addClassName("home-detail");
                    return List.<Component>of(name, counts);
                }, getTranslation("home.manager.caseloads.none"))
                .link(getTranslation("home.manager.caseloads.link"), "therapists"));
        add(new H2(getTranslation("home.section.practice_manager")), cards);
    }

    private List<Component> problem(ManagerHome.Problem problem) {
        var who = new Anchor("credentials/" + problem.username(), problem.therapist());
        who.addClassName("home-client");
        var what = new Span(describe(problem));
        what.addClassName(problem.status() == ComplianceStatus.EXPIRING ? "home-detail" : "home-problem");
        return List.of(who, what);
    }

    private String describe(ManagerHome.Problem problem) {
        if (problem.type() == null) {
            return getTranslation("home.cpd-short", Labels.score(problem.cpdHoursDone()), Labels.score(problem.cpdHoursRequired()));
        }
        var type = getTranslation("credential.type." + problem.type().name());
        return switch (problem.status()) {
            case EXPIRING -> getTranslation("home.manager.ends", type, Labels.date(problem.endsOn()));
            case EXPIRED -> getTranslation("home.manager.since", type, Labels.date(problem.startedOn()));
            default -> getTranslation("home.credential.missing", type);
        };
    }
}
