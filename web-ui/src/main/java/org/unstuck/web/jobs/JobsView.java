package org.unstuck.web.jobs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.unstuck.persistence.jobs.JobRun;

/** Each durable job's latest runs and its next run, in the practice's time zone. */
@Route("admin/jobs")
@RolesAllowed("ADMIN")
public class JobsView extends Main implements HasDynamicTitle {

    JobsView(JobsService service) {
        addClassName("page");
        setId("jobs-view");
        add(new H2(getTranslation("jobs.title")));
        for (var job : service.jobs()) {
            var zone = job.zone();
            add(new H3(getTranslation("jobs." + job.job())), new Paragraph(getTranslation("jobs." + job.job() + ".about")));
            if (job.runs().isEmpty() && !job.runningNow()) {
                var empty = new Paragraph(getTranslation("jobs." + job.job() + ".never", when(job.nextRun(), zone), zone.getId()));
                empty.setId(job.job() + "-empty");
                add(empty);
                continue;
            }
            var next = new Paragraph(job.runningNow()
                    ? getTranslation("jobs.running-now")
                    : getTranslation("jobs.next-run", when(job.nextRun(), zone), zone.getId()));
            next.setId(job.job() + "-next");
            var list = new UnorderedList();
            list.setId(job.job() + "-runs");
            list.getStyle().set("list-style", "none").set("padding", "0").set("margin", "0");
            for (var run : job.runs()) {
                list.add(run(run, zone));
            }
            add(next, new H4(getTranslation("jobs.latest-runs")), list);
        }
    }

    /** One run as a few lines, which wrap on a narrow screen instead of scrolling sideways. */
    private ListItem run(JobRun run, ZoneId zone) {
        var started = new Span(getTranslation("jobs.started", when(run.startedAt(), zone)));
        started.getStyle().set("font-weight", "600");
        var figures = new Span(getTranslation("jobs.figures", run.duration().map(this::duration).orElse("–"),
                run.casesAssessed(), run.casesChanged()));
        var outcome = new Span(outcome(run));
        if (run.failed()) {
            outcome.addClassName("form-refusal");
        }
        var item = new ListItem(started, new Div(figures), new Div(outcome));
        item.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return item;
    }

    private String outcome(JobRun run) {
        var text = getTranslation("jobs.outcome." + run.outcomeKey(), run.attempt(), run.node());
        if (run.resumedAfter() != null) {
            text += " " + getTranslation("jobs.resumed", run.resumedAfter());
        }
        return run.error() == null ? text : text + " " + run.error();
    }

    private String when(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(zone));
    }

    private String duration(Duration duration) {
        return duration.toMinutes() > 0
                ? getTranslation("jobs.minutes", duration.toMinutes(), duration.toSecondsPart())
                : getTranslation("jobs.seconds", String.format(getLocale(), "%.1f", duration.toMillis() / 1000.0));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.title") + " · " + getTranslation("app.name");
    }
}
