package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.common.StatusBadge;

/**
 * A flagged case as one line of a home: its status, its client code linking to the case, whether
 * its risk alert is overdue, and its reason in one sentence.
 */
final class CaseLine {

    private CaseLine() {
    }

    static List<Component> of(CaseRow row, boolean withTherapist, Instant now) {
        var line = new ArrayList<Component>(List.of(StatusBadge.of(row, now), client(row.caseId(), row.clientCode())));
        if (withTherapist) {
            var therapist = new Span(row.therapistName());
            therapist.addClassName("home-detail");
            line.add(therapist);
        }
        if (row.topSentence() != null) {
            var sentence = new Span(row.topSentence());
            sentence.addClassName("home-sentence");
            line.add(sentence);
        }
        return line;
    }

    static Anchor client(long caseId, String clientCode) {
        var link = new Anchor("cases/" + caseId, clientCode);
        link.addClassName("home-client");
        return link;
    }
}
