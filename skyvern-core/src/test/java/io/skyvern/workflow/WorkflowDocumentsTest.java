package io.skyvern.workflow;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.workflow.WorkflowDocuments.Format;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.skyvern.workflow.WorkflowValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowDocumentsTest {
    private static final String YAML = """
            title: Compare prices
            description: Finds the cheapest offer
            workflow_definition:
              blocks:
                - id: open
                  type: navigation
                  parameters:
                    url: "https://shop.test/{{ params.sku }}"
                    navigation_goal: Open the product page
                - id: wait
                  type: wait
                  continue_on_failure: true
                  parameters:
                    seconds: 1.5
              connections:
                - source: open
                  target: wait
            parameter_schema:
              type: object
              properties:
                sku:
                  type: string
              required: [sku]
            is_active: false
            """;

    private static Workflow stored(WorkflowRequest r) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Workflow("wf_1", 3, "o_1", r.title(), r.description(), r.workflowDefinition(), r.parameterSchema(),
                r.isActive() == null || r.isActive(), t, t);
    }

    @Test
    void yaml_document_parses_into_a_request() {
        WorkflowRequest r = WorkflowDocuments.parse(YAML, Format.YAML);
        assertThat(r.title()).isEqualTo("Compare prices");
        assertThat(r.description()).isEqualTo("Finds the cheapest offer");
        assertThat(r.isActive()).isFalse();
        assertThat(r.workflowDefinition().at("/blocks/0/parameters/url").asText()).isEqualTo("https://shop.test/{{ params.sku }}");
        assertThat(r.workflowDefinition().at("/blocks/1/parameters/seconds").asDouble()).isEqualTo(1.5);
        assertThat(r.parameterSchema().at("/required/0").asText()).isEqualTo("sku");
        assertThat(new WorkflowValidator().validate(r, io.skyvern.config.OrgLimits.DEFAULTS).errors()).isEmpty();
    }

    @Test
    void yaml_and_json_renderings_round_trip_to_the_same_request() {
        WorkflowRequest original = WorkflowDocuments.parse(YAML, Format.YAML);
        Workflow workflow = stored(original);
        for (Format format : Format.values()) {
            String rendered = WorkflowDocuments.render(workflow, format);
            assertThat(WorkflowDocuments.parse(rendered, format)).as(format.name()).isEqualTo(original);
        }
        assertThat(WorkflowDocuments.render(workflow, Format.YAML)).contains("title: Compare prices").doesNotContain("{\"");
        assertThat(WorkflowDocuments.render(workflow, Format.JSON)).contains("\"workflow_definition\"");
    }

    @Test
    void strings_that_look_like_other_yaml_types_survive_a_round_trip() {
        WorkflowRequest original = new WorkflowRequest("true", null,
                json("{'blocks':[{'id':'123','type':'code','parameters':{'code':'null','n':'1.0','b':'yes','e':''}}]}"), null, true);
        String yaml = WorkflowDocuments.render(stored(original), Format.YAML);
        assertThat(WorkflowDocuments.parse(yaml, Format.YAML)).isEqualTo(original);
    }

    @Test
    void json_document_parses_too() {
        WorkflowRequest r = WorkflowDocuments.parse("{\"title\":\"T\",\"workflow_definition\":{\"blocks\":[]}}", Format.JSON);
        assertThat(r.title()).isEqualTo("T");
        assertThat(r.description()).isNull();
        assertThat(r.isActive()).isNull();
        assertThat(r.parameterSchema()).isNull();
        assertThat(r.workflowDefinition().get("blocks").isArray()).isTrue();
    }

    @Test
    void content_type_picks_the_format() {
        assertThat(Format.fromContentType("application/x-yaml")).isEqualTo(Format.YAML);
        assertThat(Format.fromContentType("text/yaml; charset=utf-8")).isEqualTo(Format.YAML);
        assertThat(Format.fromContentType("application/json")).isEqualTo(Format.JSON);
        assertThat(Format.fromContentType(null)).isEqualTo(Format.JSON);
    }

    @Test
    void malformed_documents_are_validation_errors() {
        assertRejected("title: [unclosed", Format.YAML, "Malformed YAML at line");
        assertRejected("{\"title\": ", Format.JSON, "Malformed JSON");
        assertRejected("   ", Format.JSON, "The document is empty");
        assertRejected("- a\n- b\n", Format.YAML, "must be an object");
        assertRejected("just text", Format.YAML, "must be an object");
    }

    @Test
    void wrong_field_types_and_unknown_fields_are_all_reported() {
        assertThatThrownBy(() -> WorkflowDocuments.parse("{\"title\":5,\"description\":[],\"is_active\":\"yes\",\"blockz\":1}",
                Format.JSON)).isInstanceOfSatisfying(SkyvernException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.errors()).containsExactlyInAnyOrder("Unknown field 'blockz'", "Field 'title' must be a string",
                            "Field 'description' must be a string", "Field 'is_active' must be a boolean");
                });
    }

    private static void assertRejected(String document, Format format, String messagePart) {
        assertThatThrownBy(() -> WorkflowDocuments.parse(document, format)).isInstanceOfSatisfying(SkyvernException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(String.join("\n", e.errors())).contains(messagePart);
                });
    }
}
