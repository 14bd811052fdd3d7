package org.unstuck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.WhatWorks;

class ReportTextsTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("texts\\.get\\(\"([a-z.-]+)\"");

    @Test
    void every_key_the_reports_ask_for_is_in_the_bundle() throws IOException {
        var bundle = ResourceBundle.getBundle("org.unstuck.reports.Reports", Locale.ENGLISH);
        var keys = new ArrayList<String>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (var source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                LITERAL_KEY.matcher(Files.readString(source)).results().map(match -> match.group(1))
                        .filter(key -> !key.endsWith(".")).forEach(keys::add);
            }
        }
        Stream.of(ComplianceStatus.values()).forEach(status -> keys.add("status." + status.name()));
        Stream.of(CredentialType.values()).forEach(type -> keys.add("credential." + type.name()));
        Stream.of(DecisionType.values()).forEach(type -> keys.add("decision." + type.name()));
        Stream.of(StallReason.values()).forEach(reason -> keys.add("reason." + reason.name()));
        Stream.of(CaseStatus.values()).forEach(status -> keys.add("case-status." + status.name()));
        Stream.of(WhatWorks.Comparison.values()).forEach(comparison -> keys.add("what-works.comparison." + comparison.name()));
        keys.addAll(List.of("what-works.small", "what-works.small.left-out", "what-works.empty", "what-works.empty.summary",
                "what-works.base-rate.none", "decisions.title", "decisions.title.summary", "decisions.yes", "decisions.no",
                "decisions.yes-change", "decisions.no-change"));

        assertThat(keys).hasSizeGreaterThan(60).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
    }

    @Test
    void arguments_fill_the_pattern_and_an_apostrophe_survives() {
        assertThat(ReportTexts.ENGLISH.get("pdf.page", 2, 7)).isEqualTo("Page 2 of 7");
        assertThat(ReportTexts.ENGLISH.get("compliance.footer")).contains("practice's");
        assertThat(ReportTexts.ENGLISH.get("pack.decision", "Continue with plan", "Alliance", "Alex", "2027-01-07",
                "Keep {0} and 'quotes' as typed.")).endsWith("Keep {0} and 'quotes' as typed.");
    }

    @Test
    void a_language_without_its_own_bundle_reads_english() {
        assertThat(new ReportTexts(Locale.forLanguageTag("es")).get("pack.title")).isEqualTo("Review meeting pack");
    }
}
