package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.common.StatusBadge;

/** A flagged case as one line of a home: its status, its client code linking to the case, and its reason in one sentence. */
final class CaseLine {

    private CaseLine() {
    }

    static List<Component> of(CaseRow row, boolean withTherapist) {
        var line = new ArrayList<Component>(List.of(new StatusBadge(row.status()), client(row.caseId(), row.clientCode())));
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
