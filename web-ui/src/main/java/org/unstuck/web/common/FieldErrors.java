package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.unstuck.web.common.InvalidEntryException;

/** Shows a service's refusal on the fields it names, and clears the others. */
final class FieldErrors {

    private FieldErrors() {
    }

    static void show(Map<String, ? extends HasValidation> fields, InvalidEntryException refusal) {
        fields.forEach((name, field) -> {
            var message = refusal.fieldErrors().get(name);
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        });
    }
}
