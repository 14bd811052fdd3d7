package org.unstuck.domain.measure;

/** Item scores that do not add up to the total given with them; the message names the measure, the sum and the total. */
public class ItemTotalMismatchException extends IllegalArgumentException {

    public ItemTotalMismatchException(Measure measure, int itemSum, double total) {
        super("The " + measure.code() + " items add up to " + itemSum + " but the total given is " + Scores.format(total));
    }
}
