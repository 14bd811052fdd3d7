package org.unstuck.web.common;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A report built on request away from the UI thread, as the signed-in user, with a progress bar
 * while it is built; then offered as downloads. The browser polls only while a report is building.
 */
public class PreparedReport extends Div {

    /** One file of a report, e.g. its PDF or its CSV. */
    public record File(String name, String mimeType, byte[] content) {
    }

    /** The building of a report, run away from the UI thread. */
    @FunctionalInterface
    public interface Job {
        List<File> build();
    }

    private static final Logger log = LoggerFactory.getLogger(PreparedReport.class);
    private static final String BUILDING = "reports-building";
    private static final int POLL_MILLIS = 400;

    private final Button prepare;
    private final ProgressBar progress = new ProgressBar();
    private final Span state = new Span();
    private final Div downloads = new Div();

    /**
     * @param request called on the UI thread when the user asks for the report: reads the choices on
     *     the screen and answers the job to run, or null when a choice is wrong and has been marked
     */
    public PreparedReport(String id, String label, BackgroundWork background, SerializableSupplier<@Nullable Job> request) {
        setId(id);
        addClassName("prepared-report");
        prepare = new Button(label, VaadinIcon.FILE_TEXT_O.create(), click -> {
            var job = request.get();
            if (job != null) {
                start(background, job);
            }
        });
        prepare.setId(id + "-prepare");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setId(id + "-progress");
        state.setId(id + "-state");
        state.addClassName("report-state");
        state.getElement().setAttribute("aria-live", "polite");
        downloads.addClassName("report-downloads");
        add(prepare, progress, state, downloads);
    }

    private void start(BackgroundWork background, Job job) {
        var ui = UI.getCurrent();
        prepare.setEnabled(false);
        progress.setVisible(true);
        state.setText(getTranslation("report.building"));
        downloads.removeAll();
        building(ui, +1);
        background.run(job::build)
                .whenComplete((files, failure) -> ui.access(() -> {
                    building(ui, -1);
                    prepare.setEnabled(true);
                    progress.setVisible(false);
                    if (failure == null) {
                        state.setText(getTranslation("report.ready"));
                        files.forEach(file -> downloads.add(link(file)));
                    } else {
                        state.setText(failureMessage(failure.getCause() == null ? failure : failure.getCause()));
                    }
                }));
    }

    private String failureMessage(Throwable failure) {
        if (failure instanceof InvalidEntryException refused) {
            return refused.getMessage();
        }
        log.error("A report could not be built", failure);
        return getTranslation("report.failed");
    }

    /** Keeps the browser polling while any report on the page is being built. */
    private static void building(UI ui, int change) {
        var count = ComponentUtil.getData(ui, BUILDING) instanceof Integer running ? running + change : Math.max(change, 0);
        ComponentUtil.setData(ui, BUILDING, count);
        ui.setPollInterval(count > 0 ? POLL_MILLIS : -1);
    }

    private Anchor link(File file) {
        var content = file.content();
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(content),
                file.name(), file.mimeType(), content.length)), "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(file.name()));
        anchor.getElement().setAttribute("aria-label", getTranslation("report.download", file.name()));
        var extension = file.name().substring(file.name().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        anchor.setId(getId().orElseThrow() + "-" + extension);
        anchor.addClassName("report-download");
        return anchor;
    }

    public static File pdf(String name, byte[] content) {
        return new File(name + ".pdf", "application/pdf", content);
    }

    public static File csv(String name, byte[] content) {
        return new File(name + ".csv", "text/csv", content);
    }
}
