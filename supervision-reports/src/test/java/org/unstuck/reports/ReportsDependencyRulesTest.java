package org.unstuck.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportsDependencyRulesTest {

    private final JavaClasses reports = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unstuck.reports");

    @Test
    void reports_are_built_from_domain_types_without_ui_storage_or_application() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.unstuck.web..", "org.unstuck.persistence..", "com.vaadin..",
                        "jakarta.persistence..", "org.springframework..")
                .check(reports);
    }
}
