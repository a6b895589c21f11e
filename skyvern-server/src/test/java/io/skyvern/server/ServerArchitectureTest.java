package io.skyvern.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The server is an edge: it talks to the core through the {@code Skyvern} facade and its services,
 * never to the database or the browser directly.
 */
class ServerArchitectureTest {

    @Test
    void server_uses_neither_persistence_technology_nor_playwright() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skyvern.server");
        noClasses().that().resideInAPackage("io.skyvern.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "com.zaxxer..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..", "com.microsoft.playwright..")
                .because("persistence and browser automation are details of skyvern-core")
                // While the server module has no production classes yet the rule holds vacuously;
                // without this ArchUnit would fail a rule that matched nothing.
                .allowEmptyShould(true)
                .check(classes);
    }
}
