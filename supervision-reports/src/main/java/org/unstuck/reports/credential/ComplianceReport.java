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
import org.unstuck.reports.ReportTexts;
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

    public byte[] toPdf(ReportTexts texts) {
        var header = new ArrayList<String>(List.of(texts.get("compliance.therapist"), texts.get("compliance.cases"),
                texts.get("compliance.overall")));
        types().forEach(type -> header.add(texts.get("credential." + type.name())));
        header.add(texts.get("compliance.cpd"));
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
        var required = String.join(", ", types().stream().map(type -> texts.get("credential." + type.name())).toList());
        var document = PdfFlow.landscape(texts.get("compliance.footer"), texts)
                .title(texts.get("compliance.title"))
                .paragraphs(List.of(texts.get("compliance.required", asOf, required, Scores.format(policy.cpdHoursPerYear()),
                                policy.warningDays()),
                        texts.get("compliance.count", rows.size(), flagged)));
        var table = document.table(header, widths);
        for (var row : rows) {
            var cells = new ArrayList<String>(List.of(row.therapist(), Integer.toString(row.openCases()),
                    texts.get("status." + row.compliance().overall().name())));
            for (var type : types()) {
                cells.add(row.compliance().requirement(type).map(requirement -> describe(requirement, texts))
                        .orElse(texts.get("status.MISSING")));
            }
            var cpd = row.compliance().cpd();
            cells.add(texts.get(cpd.isShort() ? "compliance.cpd.short" : "compliance.cpd.hours", Scores.format(cpd.hoursDone()),
                    Scores.format(cpd.hoursRequired())));
            table.row(cells);
        }
        return document.toPdf();
    }

    private static String describe(RequirementStatus requirement, ReportTexts texts) {
        var status = texts.get("status." + requirement.status().name());
        return switch (requirement.status()) {
            case EXPIRING -> texts.get("compliance.expiring", status, requirement.validTo(), requirement.daysLeft());
            case EXPIRED -> texts.get("compliance.expired", status, requirement.validTo());
            case VALID -> requirement.validTo() == null ? status : texts.get("compliance.valid-to", status, requirement.validTo());
            default -> status;
        };
    }
}
