package io.skyvern.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.skyvern.cli.archfixture.ReachesIntoTheQueue;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CLI is an edge: it drives Skyvern through the core's client and facade, never the database,
 * the browser or the HTTP server's internals directly.
 */
class CliArchitectureTest {

    @Test
    void cli_uses_neither_persistence_technology_nor_playwright_nor_the_server() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skyvern.cli");
        noClasses().that().resideInAPackage("io.skyvern.cli..")
                // `serve` is the one door into the server module: it starts the same server as its jar
                .and().doNotHaveSimpleName("ServeCommand")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "com.zaxxer..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..", "com.microsoft.playwright..",
                        "io.javalin..", "io.skyvern.server..", "io.skyvern.persistence..")
                .because("the CLI goes through SkyvernClient like any other user")
                .check(classes);
    }

    static final ArchRule CLI_TALKS_TO_SERVICES_ONLY = noClasses().that().resideInAPackage("io.skyvern.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.skyvern.execution..", "io.skyvern.queue..",
                    "io.skyvern.persistence..", "io.skyvern.browser.playwright..")
            .because("the CLI talks to the client and the services only (issue 17, item 8)");

    @Test
    void cli_stays_off_execution_queue_persistence_and_the_playwright_adapter() {
        CLI_TALKS_TO_SERVICES_ONLY.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.skyvern.cli"));
    }

    @Test
    void the_services_only_rule_catches_a_cli_class_that_reaches_the_queue() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesIntoTheQueue.class);
        assertThatThrownBy(() -> CLI_TALKS_TO_SERVICES_ONLY.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.skyvern.queue.RunKind");
    }
}
