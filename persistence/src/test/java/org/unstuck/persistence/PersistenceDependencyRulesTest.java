package org.unstuck.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

class PersistenceDependencyRulesTest {

    private final JavaClasses persistence = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unstuck.persistence");

    @Test
    void persistence_depends_on_the_domain_and_never_on_the_reports_or_the_application() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.unstuck.web..", "org.unstuck.reports..", "com.vaadin..")
                .check(persistence);
    }

    @Test
    void entities_stay_inside_the_persistence_module() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(persistence);
    }
}
