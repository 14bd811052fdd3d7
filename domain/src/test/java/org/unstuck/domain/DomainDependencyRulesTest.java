package org.unstuck.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainDependencyRulesTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unstuck.domain");

    @Test
    void the_domain_depends_on_nothing_but_the_jdk_and_jspecify() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "org.unstuck.domain..")
                .check(domain);
    }
}
