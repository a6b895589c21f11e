package io.skyvern.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmJsonTest {

    @Test
    void plain_object_is_parsed() {
        JsonNode node = LlmJson.parse("{\"actions\":[{\"action_type\":\"click\",\"element_id\":\"e12\"}]}");
        assertThat(node.path("actions").path(0).path("element_id").asText()).isEqualTo("e12");
    }

    @Test
    void json_code_fence_is_stripped() {
        JsonNode node = LlmJson.parse("```json\n{\"a\": 1}\n```");
        assertThat(node.path("a").asInt()).isEqualTo(1);
    }

    @Test
    void bare_code_fence_with_prose_around_is_stripped() {
        JsonNode node = LlmJson.parse("Sure! Here you go:\n```\n{\"a\": \"x\"}\n```\nLet me know.");
        assertThat(node.path("a").asText()).isEqualTo("x");
    }

    @Test
    void unterminated_fence_still_yields_the_object() {
        assertThat(LlmJson.parse("```json\n{\"a\": true}\n").path("a").asBoolean()).isTrue();
    }

    @Test
    void object_inside_prose_is_found() {
        JsonNode node = LlmJson.parse("I will click the button. {\"actions\": []} That should work.");
        assertThat(node.path("actions").isArray()).isTrue();
    }

    @Test
    void braces_inside_strings_do_not_end_the_object() {
        JsonNode node = LlmJson.parse("{\"text\": \"a } b { c\", \"n\": 2} trailing }");
        assertThat(node.path("text").asText()).isEqualTo("a } b { c");
        assertThat(node.path("n").asInt()).isEqualTo(2);
    }

    @Test
    void escaped_quotes_inside_strings_are_respected() {
        JsonNode node = LlmJson.parse("{\"text\": \"say \\\"}\\\" now\"}");
        assertThat(node.path("text").asText()).isEqualTo("say \"}\" now");
    }

    @Test
    void nested_objects_are_kept_whole() {
        JsonNode node = LlmJson.parse("x {\"a\": {\"b\": {\"c\": 3}}, \"d\": 4} y");
        assertThat(node.at("/a/b/c").asInt()).isEqualTo(3);
        assertThat(node.path("d").asInt()).isEqualTo(4);
    }

    @Test
    void trailing_commas_are_removed() {
        JsonNode node = LlmJson.parse("{\"actions\": [{\"a\": 1,}, {\"a\": 2},\n ],\n}");
        assertThat(node.path("actions")).hasSize(2);
    }

    @Test
    void commas_inside_strings_are_not_touched() {
        assertThat(LlmJson.removeTrailingCommas("{\"t\": \"a, }\",}")).isEqualTo("{\"t\": \"a, }\"}");
    }

    @Test
    void first_object_wins_when_there_are_several() {
        assertThat(LlmJson.parse("{\"n\": 1} and {\"n\": 2}").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void stray_braces_in_prose_before_the_object_are_skipped() {
        JsonNode node = LlmJson.parse("Use {curly} braces like this: {\"ok\": true}");
        assertThat(node.path("ok").asBoolean()).isTrue();
    }

    @Test
    void literal_new_lines_inside_strings_are_accepted() {
        assertThat(LlmJson.parse("{\"text\": \"line1\nline2\"}").path("text").asText()).isEqualTo("line1\nline2");
    }

    @Test
    void byte_order_mark_and_whitespace_are_ignored() {
        assertThat(LlmJson.parse("\uFEFF  \n{\"a\": 1}  ").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void empty_answer_is_rejected_with_reason() {
        assertThatThrownBy(() -> LlmJson.parse("  ")).isInstanceOf(LlmJsonException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> LlmJson.parse(null)).isInstanceOf(LlmJsonException.class).hasMessageContaining("empty");
    }

    @Test
    void prose_without_object_is_rejected_with_reason() {
        assertThatThrownBy(() -> LlmJson.parse("I cannot help with that."))
                .isInstanceOf(LlmJsonException.class).hasMessageContaining("no JSON object");
    }

    @Test
    void cut_off_object_is_reported_as_unterminated() {
        assertThatThrownBy(() -> LlmJson.parse("{\"actions\": [{\"action_type\": \"cli"))
                .isInstanceOf(LlmJsonException.class).hasMessageContaining("unterminated");
    }

    @Test
    void malformed_object_is_reported_as_malformed() {
        assertThatThrownBy(() -> LlmJson.parse("{\"a\": tru}"))
                .isInstanceOf(LlmJsonException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void matching_brace_finds_the_closing_index() {
        String s = "ab{\"x\":{}}cd";
        assertThat(LlmJson.matchingBrace(s, 2)).isEqualTo(9);
        assertThat(LlmJson.matchingBrace("{\"x\": 1", 0)).isEqualTo(-1);
    }
}
