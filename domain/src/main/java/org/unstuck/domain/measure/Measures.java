package org.unstuck.domain.measure;

import java.util.List;

/** The measures a practice added to the catalogue; the built-ins are always there. */
public interface Measures {

    List<Measure> practiceDefined();

    Measure add(Measure measure);

    default MeasureCatalogue catalogue() {
        return MeasureCatalogue.withPracticeMeasures(practiceDefined());
    }
}
