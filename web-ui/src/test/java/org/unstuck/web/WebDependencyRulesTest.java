package org.unstuck.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;

class WebDependencyRulesTest {

    /** The domain's interfaces are its repository ports. */
    private static final DescribedPredicate<JavaClass> DOMAIN_REPOSITORIES =
            JavaClass.Predicates.INTERFACES.and(JavaClass.Predicates.resideInAPackage("org.unstuck.domain.."))
                    .as("repository interfaces of the domain");

    /** Read models hand screens plain records; anything else of the persistence module stays out of views. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE_BEYOND_READ_MODEL_RECORDS =
            JavaClass.Predicates.resideInAPackage("org.unstuck.persistence..")
                    .and(DescribedPredicate.describe("not a record", (JavaClass type) -> !type.isRecord()))
                    .as("persistence classes other than read-model records");

    /** A read of the machine's clock instead of the practice's, by a call or a method reference. */
    private static final DescribedPredicate<JavaAccess<?>> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "reads the system clock (now() without a clock, Clock.system…, InstantSource.system())",
            (JavaAccess<?> access) -> {
                if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                    return false;
                }
                var owner = target.getOwner();
                return owner.getPackageName().equals("java.time")
                        && (target.getName().equals("now") && target.getRawParameterTypes().isEmpty()
                                || target.getName().startsWith("system")
                                        && (owner.isEquivalentTo(java.time.Clock.class)
                                                || owner.isEquivalentTo(java.time.InstantSource.class)));
            });

    private final JavaClasses application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unstuck");

    @Test
    void today_comes_only_from_the_practice_clock() {
        noClasses().that().doNotHaveFullyQualifiedName("org.unstuck.web.ClockConfiguration")
                .should().accessTargetWhere(READS_THE_SYSTEM_CLOCK)
                .check(application);
    }

    @Test
    void no_module_depends_on_the_application() {
        noClasses().that().resideOutsideOfPackage("org.unstuck.web..")
                .should().dependOnClassesThat().resideInAPackage("org.unstuck.web..")
                .check(application);
    }

    @Test
    void the_features_of_the_application_do_not_depend_on_each_other_in_a_circle() {
        SlicesRuleDefinition.slices().matching("org.unstuck.web.(*)..").should().beFreeOfCycles().check(application);
    }

    @Test
    void views_reach_data_only_through_application_services() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.data..", "org.springframework.jdbc..", "jakarta.persistence..")
                .orShould().dependOnClassesThat(PERSISTENCE_BEYOND_READ_MODEL_RECORDS)
                .orShould().dependOnClassesThat(DOMAIN_REPOSITORIES)
                .check(application);
    }
}
