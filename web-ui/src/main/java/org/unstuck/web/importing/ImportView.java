package org.unstuck.web.importing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.TemporaryFileUploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.unstuck.web.common.BackgroundWork;

/**
 * Upload of a record system's CSV export. The import runs beside the screen, which polls for its
 * progress, and ends with what was imported or every error of a refused file.
 */
@Route("import")
@RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
public class ImportView extends Main implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final int POLL_MILLIS = 250;
    /** Far above a practice's export (100,000 sessions are 9 MB); stops a wrong file from filling the disk. */
    private static final int MAX_MEGABYTES = 200;

    private final ImportService service;
    private final BackgroundWork background;
    private final @Nullable Authentication signedIn;
    private final Upload upload;
    private final Div running = new Div();
    private final ProgressBar bar = new ProgressBar();
    private final Span stage = new Span();
    private final Div outcome = new Div();

    ImportView(ImportService service, BackgroundWork background) {
        this.service = service;
        this.background = background;
        // Taken while the screen opens; the upload's callback may run on a thread that carries no sign-in.
        this.signedIn = SecurityContextHolder.getContext().getAuthentication();
        addClassName("page");
        setId("import-view");
        // The browser checks the size before it sends; the server checks again, for a client that does not.
        upload = new Upload(new TemporaryFileUploadHandler(this::start) {
            @Override
            public long getFileSizeMax() {
                return MAX_MEGABYTES * 1024L * 1024L;
            }

            @Override
            public long getRequestSizeMax() {
                return (MAX_MEGABYTES + 1) * 1024L * 1024L;
            }
        });
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_MEGABYTES * 1024 * 1024);
        upload.addFileRejectedListener(rejected -> {
            outcome.removeAll();
            var heading = new H3(getTranslation("import.rejected", MAX_MEGABYTES));
            heading.addClassName("import-refused");
            outcome.add(heading);
        });
        upload.setUploadButton(new Button(getTranslation("import.choose")));
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        bar.setId("import-progress");
        stage.setId("import-stage");
        running.add(stage, bar);
        running.addClassName("import-running");
        running.setVisible(false);
        outcome.setId("import-outcome");
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")),
                new Paragraph(getTranslation("import.promise")), format(), upload, running, outcome);
    }

    private Details format() {
        var columns = new UnorderedList();
        for (var column : Column.values()) {
            var item = new ListItem();
            var name = new Span(column.header());
            name.addClassName("import-column");
            item.add(name, new Span(" — " + getTranslation("import.column." + column.header())));
            columns.add(item);
        }
        var details = new Details(getTranslation("import.format"), new Paragraph(getTranslation("import.format.intro")), columns);
        details.setId("import-format");
        return details;
    }

    /** Runs in the upload request with the screen locked: starts the import beside it. */
    private void start(UploadMetadata metadata, File file) {
        var ui = UI.getCurrent();
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(signedIn);
        var fileName = metadata.fileName();
        outcome.removeAll();
        upload.clearFileList();
        upload.setVisible(false);
        running.setVisible(true);
        bar.setIndeterminate(true);
        stage.setText(getTranslation("import.stage.checking", fileName));
        ui.setPollInterval(POLL_MILLIS);
        background.run(() -> service.importFile(file.toPath(), fileName,
                        (phase, done, total) -> show(ui, () -> progress(phase, done, total))), security)
                .whenComplete((result, failure) -> {
                    delete(file);
                    if (failure == null) {
                        show(ui, () -> finish(result));
                    } else {
                        log.error("Import of an uploaded file failed", failure);
                        show(ui, this::failed);
                    }
                });
    }

    /** A person who left the screen does not stop the import; they just see no more of it. */
    private static void show(UI ui, Command update) {
        try {
            ui.access(update);
        } catch (UIDetachedException left) {
            log.debug("The import screen was closed while importing");
        }
    }

    private void progress(ImportProgress.Phase phase, long done, long total) {
        bar.setIndeterminate(false);
        bar.setValue(total == 0 ? 1 : Math.min(1, (double) done / total));
        stage.setText(switch (phase) {
            case CHECKING -> getTranslation("import.stage.checked", Math.round(100.0 * done / Math.max(total, 1)));
            case WRITING -> getTranslation("import.stage.writing", done, total);
            case REASSESSING -> getTranslation("import.stage.reassessing", done, total);
        });
    }

    private void finish(ImportResult result) {
        done();
        switch (result) {
            case ImportResult.Imported imported -> imported(imported);
            case ImportResult.Refused refused -> refused(refused);
        }
    }

    private void imported(ImportResult.Imported imported) {
        var summary = new UnorderedList(
                new ListItem(getTranslation("import.summary.rows", imported.rows())),
                new ListItem(getTranslation("import.summary.sessions", imported.sessionsAdded(), imported.sessionsUpdated(),
                        imported.sessionsUnchanged())),
                new ListItem(getTranslation("import.summary.cases", imported.casesCreated(), imported.casesUpdated())),
                new ListItem(getTranslation("import.summary.clients", imported.clientsCreated())));
        if (imported.riskAlertsRaised() > 0) {
            summary.add(new ListItem(getTranslation("import.summary.risk", imported.riskAlertsRaised())));
        }
        summary.setId("import-summary");
        var heading = new H3(getTranslation("import.done", imported.fileName()));
        heading.addClassName("import-done");
        outcome.add(heading, summary, new Paragraph(getTranslation("import.done.next")));
    }

    private void refused(ImportResult.Refused refused) {
        var heading = new H3(getTranslation("import.refused", refused.fileName()));
        heading.addClassName("import-refused");
        heading.setId("import-refused");
        var explanation = new Paragraph(getTranslation("import.refused.count", refused.errorCount())
                + (refused.errorCount() > refused.errors().size()
                        ? " " + getTranslation("import.refused.first", refused.errors().size()) : "")
                + " " + getTranslation("import.refused.next"));
        var errors = new Grid<ImportError>();
        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        errors.addColumn(error -> error.line() == 0 ? "–" : Integer.toString(error.line())).setHeader(getTranslation("import.error.line")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(error -> error.column() == null ? "–" : error.column())
                .setHeader(getTranslation("import.error.column")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(ImportError::message).setHeader(getTranslation("import.error.message")).setFlexGrow(1);
        errors.setItems(refused.errors());
        errors.setAllRowsVisible(refused.errors().size() <= 25);
        outcome.add(heading, explanation, errors);
    }

    private void failed() {
        done();
        var heading = new H3(getTranslation("import.failed"));
        heading.addClassName("import-refused");
        outcome.add(heading);
    }

    private void done() {
        running.setVisible(false);
        upload.setVisible(true);
        UI.getCurrent().setPollInterval(-1);
    }

    private static void delete(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException stays) {
            log.warn("An uploaded import file could not be deleted: {}", stays.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.name");
    }
}
