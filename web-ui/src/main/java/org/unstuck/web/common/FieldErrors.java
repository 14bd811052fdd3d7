package org.unstuck.web.common;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;

/** Shows a service's refusal on the fields it names, and clears the others. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(Map<String, ? extends HasValidation> fields, InvalidEntryException refusal) {
        fields.forEach((name, field) -> {
            var message = refusal.fieldErrors().get(name);
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        });
    }
}
