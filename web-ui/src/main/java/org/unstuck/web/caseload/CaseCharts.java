package org.unstuck.web.caseload;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Scores;
import org.unstuck.persistence.board.TrajectoryPoint;
import org.unstuck.reports.chart.StatusStrip;
import org.unstuck.reports.chart.TrajectoryChart;
import org.unstuck.web.common.Texts;

/** A case's outcome and alliance charts, the same on the case page and in the meeting pack. */
public final class CaseCharts {

    private CaseCharts() {
    }

    /** The primary measure by session, with the expected course once the practice has enough finished cases. */
    public static @Nullable TrajectoryChart outcome(CaseDetail detail, Texts texts) {
        return chart(detail.theCase().primaryMeasure(), detail.trajectory(), expectedBands(detail), texts);
    }

    /** The alliance measure by session, when the case tracks one. */
    public static @Nullable TrajectoryChart alliance(CaseDetail detail, Texts texts) {
        var measure = detail.theCase().allianceMeasure();
        return measure == null ? null : chart(measure, detail.trajectory(), List.of(), texts);
    }

    /**
     * The statuses the case has been in, from its first assessment to today or the day it closed;
     * null before its first assessment. Consecutive entries with the same status are one stretch.
     */
    public static @Nullable StatusStrip statusStrip(CaseDetail detail, Texts texts) {
        var closed = detail.theCase().closed();
        var to = closed != null ? closed : detail.today();
        var segments = new ArrayList<StatusStrip.Segment>();
        for (var entry : detail.statusHistory()) {
            if (entry.effectiveOn().isAfter(to)
                    || !segments.isEmpty() && segments.getLast().status().equals(entry.status().name())) {
                continue;
            }
            segments.add(new StatusStrip.Segment(entry.effectiveOn(), entry.status().name(),
                    texts.get("status." + entry.status().name()), texts.date(entry.effectiveOn())));
        }
        if (segments.isEmpty()) {
            return null;
        }
        return new StatusStrip(texts.get("chart.status.title"), texts.get("chart.status.description",
                texts.date(segments.getFirst().from()), texts.date(to), segments.size()), segments, to);
    }

    /** The band expected for cases that started like this one: fitted course ± the practice's tolerance. */
    private static List<TrajectoryChart.Band> expectedBands(CaseDetail detail) {
        var band = detail.expectedCourse();
        if (band == null || !band.isFitted()) {
            return List.of();
        }
        var lastSession = Math.max(2, detail.trajectory().stream().mapToInt(TrajectoryPoint::sessionNumber).max().orElse(2));
        var tolerance = detail.trajectoryToleranceZ() * band.residualSd();
        return IntStream.rangeClosed(1, lastSession)
                .mapToObj(session -> new TrajectoryChart.Band(session, band.expectedAt(session) - tolerance,
                        band.expectedAt(session) + tolerance))
                .toList();
    }

    /** Null while the measure has no score yet. */
    private static @Nullable TrajectoryChart chart(Measure measure, List<TrajectoryPoint> trajectory,
            List<TrajectoryChart.Band> expected, Texts texts) {
        var points = trajectory.stream().filter(point -> point.measureCode().equals(measure.code().value()))
                .map(point -> new TrajectoryChart.Point(point.sessionNumber(), point.score())).toList();
        if (points.isEmpty()) {
            return null;
        }
        var better = texts.get(measure.betterWhen() == Direction.LOWER_IS_BETTER ? "chart.lower-better" : "chart.higher-better");
        @Nullable Double reliableChange = measure.reliableChange() == null ? null : measure.reliableChange().points();
        return new TrajectoryChart(measure.code().value() + " · " + better,
                texts.get("chart.description", measure.code().value(), points.size()),
                measure.range().min(), measure.range().max(), measure.betterWhen() == Direction.LOWER_IS_BETTER, points,
                measure.cutoff().value(), texts.get("chart.cutoff", Scores.format(measure.cutoff().value())),
                reliableChange, texts.get("chart.no-reliable-change"), expected, texts.get("chart.session"));
    }
}
