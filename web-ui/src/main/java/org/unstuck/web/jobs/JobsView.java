package org.unstuck.web.jobs;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
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
            var next = new Paragraph(job.runningNow()
                    ? getTranslation("jobs.running-now")
                    : getTranslation("jobs.next-run", when(job.nextRun(), zone), zone.getId()));
            next.setId(job.job() + "-next");
            add(next);
            if (job.runs().isEmpty()) {
                var empty = new Paragraph(getTranslation("jobs." + job.job() + ".never", when(job.nextRun(), zone), zone.getId()));
                empty.setId(job.job() + "-empty");
                empty.addClassName("empty-state");
                add(empty);
                continue;
            }
            var grid = new Grid<JobRun>();
            grid.setId(job.job() + "-runs");
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(run -> when(run.startedAt(), zone)).setHeader(getTranslation("jobs.started")).setAutoWidth(true);
            grid.addColumn(run -> run.duration().map(this::duration).orElse("–"))
                    .setHeader(getTranslation("jobs.duration")).setAutoWidth(true);
            grid.addColumn(run -> getTranslation("jobs.cases", run.casesAssessed(), run.casesChanged()))
                    .setHeader(getTranslation("jobs.cases.header")).setAutoWidth(true);
            grid.addColumn(this::outcome).setHeader(getTranslation("jobs.outcome")).setFlexGrow(1);
            grid.setItems(job.runs());
            grid.setAllRowsVisible(true);
            add(grid);
        }
    }

    private String outcome(JobRun run) {
        var text = getTranslation("jobs.outcome." + run.outcome().name().toLowerCase(Locale.ROOT), run.attempt(), run.node());
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
