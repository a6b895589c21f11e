package io.skyvern.examples;

import io.skyvern.config.OrgLimits;
import io.skyvern.workflow.ValidationResult;
import io.skyvern.workflow.WorkflowDocuments;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example workflow documents parse and pass the validator with no warnings. */
class ExampleWorkflowsTest {

    static String document(String name) throws IOException {
        try (InputStream in = ExampleWorkflowsTest.class.getResourceAsStream("/workflows/" + name)) {
            assertThat(in).as("resource /workflows/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"login-then-extract.yaml", "paginate-and-collect.yaml", "login-with-totp.yaml"})
    void example_workflow_is_valid(String name) throws IOException {
        WorkflowRequest request = WorkflowDocuments.parse(document(name), WorkflowDocuments.Format.YAML);
        ValidationResult result = new WorkflowValidator().validate(request, OrgLimits.DEFAULTS);
        assertThat(result.errors()).as(name).isEmpty();
        assertThat(result.warnings()).as(name).isEmpty();
        assertThat(result.blockCount()).isGreaterThanOrEqualTo(3);
        assertThat(result.parameterCount()).isGreaterThanOrEqualTo(2);
    }
}
