package org.unstuck.domain.progress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unstuck.domain.measure.MeasureCode;

/** The practice's fitted trajectory models, one per outcome measure that has finished cases. */
public final class ExpectedTrajectories {

    private static final ExpectedTrajectories NONE = new ExpectedTrajectories(List.of());

    private final Map<MeasureCode, TrajectoryModel> models = new HashMap<>();

    public ExpectedTrajectories(List<TrajectoryModel> models) {
        models.forEach(model -> this.models.put(model.measure().code(), model));
    }

    public static ExpectedTrajectories none() {
        return NONE;
    }

    public Optional<TrajectoryModel> forMeasure(MeasureCode code) {
        return Optional.ofNullable(models.get(code));
    }
}
