package org.unstuck.web.practice;

import com.vaadin.flow.component.html.Paragraph;

/** A dialog's refusal that belongs to no single field, such as a change someone else made first. */
final class Refusal extends Paragraph {

    Refusal() {
        addClassName("form-refusal");
        setId("refusal");
        setVisible(false);
    }

    void show(String message) {
        setText(message);
        setVisible(true);
    }
}
