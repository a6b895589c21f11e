package io.skyvern.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.skyvern.server.archfixture.ReachesBelowTheServices;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureTest {
    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.skyvern.server");

    /** Handlers parse, call a service and map a DTO: the machinery below the services is not theirs. */
    static final ArchRule SERVER_TALKS_TO_SERVICES_ONLY = noClasses().that().resideInAPackage("io.skyvern.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.skyvern.execution..", "io.skyvern.queue..",
                    "io.skyvern.persistence..", "io.skyvern.browser.playwright..")
            .because("the server talks to the services only (issue 17, item 8)");

    @Test
    void server_never_touches_sql_or_the_browser() {
        noClasses().that().resideInAPackage("io.skyvern.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "com.zaxxer.hikari..",
                        "org.h2..", "com.microsoft.playwright..", "io.skyvern.persistence..")
                .check(server);
    }

    @Test
    void server_stays_off_execution_queue_persistence_and_the_playwright_adapter() {
        SERVER_TALKS_TO_SERVICES_ONLY.check(server);
    }

    @Test
    void the_services_only_rule_catches_a_server_class_that_reaches_the_run_registry() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesBelowTheServices.class);
        assertThatThrownBy(() -> SERVER_TALKS_TO_SERVICES_ONLY.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.skyvern.execution.RunRegistry");
    }
}
