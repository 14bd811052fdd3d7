package org.unstuck.domain.caseload;

/** A therapeutic approach or modality, such as "CBT" or "EMDR"; 2 to 80 characters. */
public record Approach(String name) {

    public Approach {
        name = name.strip();
        if (name.length() < 2 || name.length() > 80) {
            throw new IllegalArgumentException("An approach is named in 2 to 80 characters; got '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
