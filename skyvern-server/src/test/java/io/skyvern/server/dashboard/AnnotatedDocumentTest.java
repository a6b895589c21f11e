package io.skyvern.server.dashboard;

import io.skyvern.common.SkyvernException;
import io.skyvern.workflow.WorkflowDocuments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validation messages land on the line of the block, connection or field they name. */
class AnnotatedDocumentTest {
    private static Map<Integer, List<String>> placed(AnnotatedDocument d) {
        return d.lines().stream().filter(l -> !l.problems().isEmpty()).collect(Collectors.toMap(
                AnnotatedDocument.Line::number, l -> l.problems().stream().map(p -> p.kind() + ": " + p.message()).toList()));
    }

    @Test
    void yaml_block_connection_and_field_messages_are_placed_at_their_lines() {
        String yaml = """
                title: T
                workflow_definition:
                  blocks:
                  - id: a
                    type: wait
                  - id: a
                    type: nonsense
                  connections:
                  - source: a
                    target: zz
                """;
        AnnotatedDocument d = AnnotatedDocument.of(yaml, List.of("Block 1: Invalid block type 'nonsense'",
                "Duplicate block ID: a", "Connection 0: Invalid target block ID 'zz'",
                "workflow_definition.blocks[0].parameters: Expected a value of type object", "Something else"),
                List.of("Consider adding a description for better maintainability"));
        assertThat(placed(d)).containsOnlyKeys(1, 4, 6, 9);
        assertThat(placed(d).get(6)).containsExactly("error: Block 1: Invalid block type 'nonsense'",
                "error: Duplicate block ID: a");
        assertThat(placed(d).get(9)).containsExactly("error: Connection 0: Invalid target block ID 'zz'");
        assertThat(placed(d).get(4)).hasSize(1);
        assertThat(placed(d).get(1)).containsExactly("warning: Consider adding a description for better maintainability");
        assertThat(d.general()).extracting(AnnotatedDocument.Problem::message).containsExactly("Something else");
        assertThat(d.hasErrors()).isTrue();
        assertThat(d.lines()).hasSize(yaml.split("\n", -1).length);
    }

    @Test
    void json_documents_and_syntax_errors_are_placed_too() {
        String json = "{\n  \"title\": \"T\",\n  \"workflow_definition\": {\"blocks\": [\n    {\"id\": \"a\"},\n"
                + "    {\"id\": \"b\", \"type\": \"wait\"}\n  ]}\n}";
        AnnotatedDocument d = AnnotatedDocument.of(json, List.of("Wait block 1: Missing 'seconds' parameter"), List.of());
        assertThat(placed(d)).containsOnlyKeys(5);

        String broken = "title: T\nworkflow_definition:\n  blocks: [\n";
        SkyvernException e = catchThrowableOfType(SkyvernException.class,
                () -> WorkflowDocuments.parse(broken, WorkflowDocuments.Format.YAML));
        AnnotatedDocument syntax = AnnotatedDocument.of(broken, e.errors(), List.of());
        assertThat(placed(syntax)).hasSize(1);
        assertThat(syntax.general()).isEmpty();
    }

    @Test
    void warnings_alone_are_not_errors_and_no_problems_means_no_listing() {
        assertThat(AnnotatedDocument.of("title: T\n", List.of(), List.of("Consider adding a description")).hasErrors())
                .isFalse();
        AnnotatedDocument clean = AnnotatedDocument.of("title: T\n", List.of(), List.of());
        assertThat(clean.lines()).isEmpty();
        assertThat(clean.hasProblems()).isFalse();
    }
}
