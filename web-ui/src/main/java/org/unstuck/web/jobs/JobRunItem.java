package org.unstuck.web.jobs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.ZoneId;
import org.unstuck.persistence.jobs.JobRun;
import org.unstuck.web.common.Labels;

/** One run of a job as a few lines, which wrap on a narrow screen instead of scrolling sideways. */
public class JobRunItem extends ListItem {

    public JobRunItem(JobRun run, ZoneId zone) {
        var started = new Span(getTranslation("jobs.started", Labels.dateTime(run.startedAt(), zone, getLocale())));
        started.getStyle().set("font-weight", "600");
        var figures = new Span(getTranslation("jobs.figures", run.duration().map(this::duration).orElse("–"),
                run.casesAssessed(), run.casesChanged()));
        var outcome = new Span(outcome(run));
        if (run.failed()) {
            outcome.addClassName("form-refusal");
        }
        add(started, new Div(figures), new Div(outcome));
        addClassName("job-run");
    }

    private String outcome(JobRun run) {
        var text = getTranslation("jobs.outcome." + run.outcomeKey(), run.attempt(), run.node());
        if (run.resumedAfter() != null) {
            text += " " + getTranslation("jobs.resumed", run.resumedAfter());
        }
        return run.error() == null ? text : text + " " + run.error();
    }

    private String duration(Duration duration) {
        return duration.toMinutes() > 0
                ? getTranslation("jobs.minutes", duration.toMinutes(), duration.toSecondsPart())
                : getTranslation("jobs.seconds", String.format(getLocale(), "%.1f", duration.toMillis() / 1000.0));
    }
}
