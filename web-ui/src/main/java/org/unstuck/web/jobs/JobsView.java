package org.unstuck.web.jobs;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import org.unstuck.web.common.Labels;

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
                list.add(new JobRunItem(run, zone));
            }
            add(next, new H4(getTranslation("jobs.latest-runs")), list);
        }
    }

    private String when(Instant instant, ZoneId zone) {
        return Labels.dateTime(instant, zone, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.title") + " · " + getTranslation("app.name");
    }
}
