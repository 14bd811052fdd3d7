package org.unstuck.reports.credential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Scores;
import org.unstuck.reports.csv.CsvTable;
import org.unstuck.reports.pdf.PdfFlow;

/**
 * Every therapist's required credentials with status and end date, and CPD hours against the
 * policy, as of one day. No clinical data: open-case counts only.
 */
public record ComplianceReport(LocalDate asOf, CredentialPolicy policy, List<Row> rows) {

    /** One therapist on the report. */
    public record Row(String therapist, int openCases, TherapistCompliance compliance) {
    }

    public ComplianceReport {
        rows = List.copyOf(rows);
    }

    private List<CredentialType> types() {
        return policy.required().stream().sorted().toList();
    }

    public byte[] toCsv() {
        var header = new ArrayList<String>(List.of("therapist", "open_cases", "overall"));
        for (var type : types()) {
            var name = type.name().toLowerCase(Locale.ROOT);
            header.add(name + "_status");
            header.add(name + "_ends_on");
        }
        header.addAll(List.of("cpd_hours_last_12_months", "cpd_hours_required", "cpd_status"));
        var table = new CsvTable(header);
        for (var row : rows) {
            var cells = new ArrayList<Object>(List.of(row.therapist(), row.openCases(), row.compliance().overall().name()));
            for (var type : types()) {
                var requirement = row.compliance().requirement(type);
                cells.add(requirement.map(r -> r.status().name()).orElse(ComplianceStatus.MISSING.name()));
                cells.add(requirement.map(RequirementStatus::validTo).orElse(null));
            }
            cells.add(row.compliance().cpd().hoursDone());
            cells.add(row.compliance().cpd().hoursRequired());
            cells.add(row.compliance().cpd().status().name());
            table.row(cells);
        }
        return table.toBytes();
    }

    public byte[] toPdf() {
        var header = new ArrayList<String>(List.of("Therapist", "Cases", "Overall"));
        types().forEach(type -> header.add(label(type)));
        header.add("CPD (last 12 months)");
        var widths = new float[header.size()];
        var flexible = 1f - 0.16f - 0.07f - 0.09f - 0.14f;
        widths[0] = 0.16f;
        widths[1] = 0.07f;
        widths[2] = 0.09f;
        for (int i = 3; i < widths.length - 1; i++) {
            widths[i] = flexible / types().size();
        }
        widths[widths.length - 1] = 0.14f;
        var flagged = rows.stream().filter(row -> row.compliance().overall() != ComplianceStatus.VALID).count();
        var document = PdfFlow.landscape("Confidential: credential records of the practice's therapists.")
                .title("Credential compliance report")
                .paragraphs(List.of("As of " + asOf + ". Required: " + String.join(", ", types().stream().map(ComplianceReport::label).toList())
                                + "; " + Scores.format(policy.cpdHoursPerYear()) + " CPD hours a year; warning "
                                + policy.warningDays() + " days before a credential ends.",
                        rows.size() + " therapists, " + flagged + " with something to put right."));
        var table = document.table(header, widths);
        for (var row : rows) {
            var cells = new ArrayList<String>(List.of(row.therapist(), Integer.toString(row.openCases()),
                    status(row.compliance().overall())));
            for (var type : types()) {
                cells.add(row.compliance().requirement(type).map(ComplianceReport::describe).orElse("Missing"));
            }
            var cpd = row.compliance().cpd();
            cells.add(Scores.format(cpd.hoursDone()) + " of " + Scores.format(cpd.hoursRequired()) + " h"
                    + (cpd.isShort() ? " (short)" : ""));
            table.row(cells);
        }
        return document.toPdf();
    }

    private static String describe(RequirementStatus requirement) {
        var status = status(requirement.status());
        return switch (requirement.status()) {
            case EXPIRING -> status + " " + requirement.validTo() + ", " + requirement.daysLeft() + " d left";
            case EXPIRED -> status + " " + requirement.validTo();
            case VALID -> requirement.validTo() == null ? status : status + " to " + requirement.validTo();
            default -> status;
        };
    }

    private static String status(ComplianceStatus status) {
        return switch (status) {
            case VALID -> "Valid";
            case EXPIRING -> "Expiring";
            case CPD_SHORT -> "CPD short";
            case EXPIRED -> "Expired";
            case MISSING -> "Missing";
        };
    }

    private static String label(CredentialType type) {
        return switch (type) {
            case LICENCE -> "Licence";
            case REGISTRATION -> "Registration";
            case QUALIFICATION -> "Qualification";
            case MODALITY_TRAINING -> "Modality training";
            case INSURANCE -> "Insurance";
        };
    }
}
