package org.unstuck.domain.measure;

import java.math.BigDecimal;

/** Score values written as clinicians write them: "17", "32.5", never "17.0". */
public final class Scores {

    private Scores() {
    }

    public static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
