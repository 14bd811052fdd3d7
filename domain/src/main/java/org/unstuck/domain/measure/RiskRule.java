package org.unstuck.domain.measure;

/**
 * The rule of a measure's critical item: an answer at or above {@code atLeast} on item
 * {@code item} needs someone to look at the client's safety today, whatever the total says.
 *
 * @param item the item's number, from 1
 * @param label a short label of the item, never the questionnaire's wording
 * @param source where the item and its rule are published
 * @param confirmed false where the clinical reference marks the rule unconfirmed
 */
public record RiskRule(int item, int atLeast, String label, String source, boolean confirmed) {

    public RiskRule {
        if (item < 1) {
            throw new IllegalArgumentException("Items are numbered from 1; got " + item);
        }
        if (atLeast < 1) {
            throw new IllegalArgumentException("A risk rule needs an answer of at least 1; got " + atLeast);
        }
        if (label.isBlank() || label.length() > 80) {
            throw new IllegalArgumentException("A risk item's label is 1 to 80 characters");
        }
        if (source.isBlank() || source.length() > 200) {
            throw new IllegalArgumentException("A risk rule's source is 1 to 200 characters");
        }
    }

    /** Whether these item scores endorse the critical item. */
    public boolean isMetBy(Score score) {
        return !score.items().isEmpty() && score.items().get(item - 1) >= atLeast;
    }
}
