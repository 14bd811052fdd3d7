package org.unstuck.web.caseload;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouteParameters;
import org.unstuck.persistence.board.CaseMatch;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;

/**
 * The header's search by client code: Enter lists the cases the signed-in person may see whose code
 * begins with what was typed, and an exact code with one case opens it. On a narrow screen the field
 * folds into an icon button.
 */
public class CaseSearchField extends Div {

    private final CaseFinder finder;
    private final TextField field = new TextField();
    private final Div results = new Div();
    private final Popover popover = new Popover();

    public CaseSearchField(CaseFinder finder) {
        this.finder = finder;
        addClassName("case-search");
        setId("case-search");
        var unfold = new Button(VaadinIcon.SEARCH.create(), click -> {
            getElement().getClassList().set("open", !hasClassName("open"));
            field.focus();
        });
        unfold.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        unfold.setAriaLabel(getTranslation("search.open"));
        unfold.addClassName("case-search-unfold");
        unfold.setId("case-search-unfold");

        field.setPlaceholder(getTranslation("search.placeholder"));
        field.setAriaLabel(getTranslation("search.label"));
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.setMaxLength(32);
        field.addClassName("case-search-field");
        field.setId("case-search-field");
        field.addKeyDownListener(Key.ENTER, enter -> search());
        field.addValueChangeListener(change -> {
            if (change.getValue().isBlank()) {
                popover.close();
            }
        });

        results.setId("case-search-results");
        results.addClassName("case-search-results");
        popover.setTarget(field);
        popover.setOpenOnClick(false);
        popover.setOpenOnFocus(false);
        popover.setOpenOnHover(false);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.add(results);
        add(unfold, field, popover);
    }

    private void search() {
        results.removeAll();
        CaseFinder.Found found;
        try {
            found = finder.find(field.getValue());
        } catch (InvalidEntryException refused) {
            results.add(message(refused.fieldErrors().get("client")));
            popover.open();
            return;
        }
        var cases = found.cases();
        if (cases.size() == 1 && cases.getFirst().clientCode().equalsIgnoreCase(found.searched())) {
            open(cases.getFirst());
            return;
        }
        if (cases.isEmpty()) {
            results.add(message(getTranslation("search.none", found.searched())));
        }
        cases.forEach(match -> results.add(row(match)));
        if (found.more()) {
            results.add(message(getTranslation("search.more", CaseFinder.MOST)));
        }
        popover.open();
    }

    private Button row(CaseMatch match) {
        var code = new Span(match.clientCode());
        code.addClassName("case-search-code");
        var when = match.closed() == null ? getTranslation("search.opened", Labels.date(match.opened()))
                : getTranslation("search.closed", Labels.date(match.closed()));
        var facts = new Span(getTranslation("search.facts", match.therapistName(), when));
        facts.addClassName("legend");
        var label = new Div(code, new StatusBadge(match.status()), facts);
        label.addClassName("case-search-row");
        var row = new Button(label, click -> open(match));
        row.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        row.addClassName("case-search-match");
        return row;
    }

    private static Paragraph message(String text) {
        var message = new Paragraph(text);
        message.addClassName("case-search-message");
        return message;
    }

    private void open(CaseMatch match) {
        popover.close();
        field.clear();
        removeClassName("open");
        getUI().ifPresent(ui -> ui.navigate(CaseView.class, new RouteParameters("caseId", Long.toString(match.caseId()))));
    }
}
