package io.skyvern.browser;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class BrowserLayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.skyvern");

    @Test
    void only_the_playwright_adapter_imports_playwright() {
        noClasses().that().resideOutsideOfPackage("io.skyvern.browser.playwright..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.playwright..")
                .check(CORE);
    }

    @Test
    void the_browser_contracts_do_not_depend_on_the_adapter() {
        noClasses().that().resideInAPackage("io.skyvern.browser")
                .should().dependOnClassesThat().resideInAPackage("io.skyvern.browser.playwright..")
                .check(CORE);
    }
}
