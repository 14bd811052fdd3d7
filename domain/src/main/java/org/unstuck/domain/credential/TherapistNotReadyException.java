package org.unstuck.domain.credential;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Refusal to give a case to a therapist whose licence or insurance is not in force; says what is missing. */
public class TherapistNotReadyException extends IllegalStateException {

    private final transient List<RequirementStatus> missing;

    public TherapistNotReadyException(List<RequirementStatus> missing) {
        super("This therapist cannot take new cases: " + missing.stream()
                .map(requirement -> requirement.type().name().toLowerCase(Locale.ROOT) + " "
                        + requirement.status().name().toLowerCase(Locale.ROOT)
                        + (requirement.validTo() != null ? " (ended " + requirement.validTo() + ")" : ""))
                .collect(Collectors.joining(", ")));
        this.missing = List.copyOf(missing);
    }

    public List<RequirementStatus> missing() {
        return missing;
    }
}
