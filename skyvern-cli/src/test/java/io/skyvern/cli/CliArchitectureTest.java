package io.skyvern.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
