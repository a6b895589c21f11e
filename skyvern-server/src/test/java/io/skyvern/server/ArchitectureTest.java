package io.skyvern.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.skyvern.server");

    @Test
    void server_never_touches_sql_or_the_browser() {
        noClasses().that().resideInAPackage("io.skyvern.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "com.zaxxer.hikari..",
                        "org.h2..", "com.microsoft.playwright..", "io.skyvern.persistence..")
                .check(server);
    }
}
