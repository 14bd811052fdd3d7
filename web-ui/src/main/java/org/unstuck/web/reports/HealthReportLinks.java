package org.unstuck.web.reports;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** The caseload-health report's downloads, as PDF and CSV, built when clicked. */
public class HealthReportLinks extends HorizontalLayout {

    public HealthReportLinks(ReportService reports) {
        var pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            var content = reports.caseloadHealth().toPdf();
            return new DownloadResponse(new ByteArrayInputStream(content), "caseload-health.pdf", "application/pdf",
                    content.length);
        }), getTranslation("health.pdf"));
        pdf.setId("download-health-pdf");
        var csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            var content = reports.caseloadHealth().toCsv();
            return new DownloadResponse(new ByteArrayInputStream(content), "caseload-health.csv", "text/csv", content.length);
        }), getTranslation("health.csv"));
        csv.setId("download-health-csv");
        add(pdf, csv);
        addClassName("wrap-row");
    }
}
