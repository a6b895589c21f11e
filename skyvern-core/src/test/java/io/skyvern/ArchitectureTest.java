package io.skyvern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of skyvern-core (production classes only; test fixtures may use JDBC directly).
 * Persistence technology stays in {@code io.skyvern.persistence}, Playwright in
 * {@code io.skyvern.browser.playwright}; the composition root {@link Skyvern} may reach both
 * because wiring is its job.
 */
class ArchitectureTest {
    private static final String[] PERSISTENCE_TECH = {"org.jdbi..", "java.sql..", "javax.sql..", "com.zaxxer..",
            "org.flywaydb..", "org.h2..", "org.postgresql.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skyvern");
    }

    private static final ArchRule SQL_ONLY_IN_PERSISTENCE = noClasses()
            .that().resideOutsideOfPackage("io.skyvern.persistence..")
            .and().doNotBelongToAnyOf(Skyvern.class)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE_TECH)
            .because("SQL, pools and migrations are details of io.skyvern.persistence");

    @Test
    void only_persistence_and_the_composition_root_touch_sql_and_jdbi() {
        SQL_ONLY_IN_PERSISTENCE.check(classes);
    }

    @Test
    void the_sql_rule_catches_a_class_outside_persistence_that_uses_jdbc() {
        // The test fixture TestDatabases uses java.sql from io.skyvern.testing: proof the rule bites.
        JavaClasses fixture = new ClassFileImporter().importClasses(io.skyvern.testing.TestDatabases.class);
        assertThatThrownBy(() -> SQL_ONLY_IN_PERSISTENCE.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql");
    }

    @Test
    void only_the_playwright_adapter_touches_playwright() {
        noClasses().that().resideOutsideOfPackage("io.skyvern.browser.playwright..")
                .and().doNotBelongToAnyOf(Skyvern.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..")
                .check(classes);
    }

    @Test
    void core_knows_nothing_of_the_http_server_or_the_command_line() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "picocli..",
                        "io.skyvern.server..", "io.skyvern.cli..")
                .check(classes);
    }

    /**
     * One slice per first-level package ({@code io.skyvern.task}, {@code io.skyvern.auth}, ...).
     * The root package holds only the composition root {@link Skyvern}, which depends on every
     * slice by design and which no slice may use; the pattern {@code io.skyvern.(*)..} does not
     * match the root package, so it is outside every slice, and the next rule keeps it a leaf.
     */
    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("io.skyvern.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static final ArchRule AGENT_KNOWS_NO_RUN_KIND = noClasses().that().resideInAPackage("io.skyvern.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("io.skyvern.task..", "io.skyvern.workflow..",
                    "io.skyvern.execution..")
            .because("the agent drives a browser toward a goal; tasks, workflows and their execution use it");

    @Test
    void agent_is_free_of_tasks_workflows_and_execution() {
        AGENT_KNOWS_NO_RUN_KIND.check(classes);
    }

    @Test
    void the_agent_rule_catches_an_agent_class_that_knows_tasks() {
        JavaClasses fixture = new ClassFileImporter().importClasses(io.skyvern.agent.archfixture.KnowsTasks.class);
        assertThatThrownBy(() -> AGENT_KNOWS_NO_RUN_KIND.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.skyvern.task.TaskStatus");
    }

    @Test
    void no_package_depends_on_the_composition_root() {
        noClasses().that().resideOutsideOfPackage("io.skyvern")
                .should().dependOnClassesThat().belongToAnyOf(Skyvern.class)
                .check(classes);
    }
}
