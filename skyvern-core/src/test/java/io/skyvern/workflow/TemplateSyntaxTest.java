package io.skyvern.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSyntaxTest {

    @Test
    void well_formed_templates_and_plain_text_pass() {
        assertThat(TemplateSyntax.problem("plain text, {not a template}")).isEmpty();
        assertThat(TemplateSyntax.problem("find {{ params.x }} on {{ blocks.a.output | tojson }}")).isEmpty();
        assertThat(TemplateSyntax.problem("{% for i in params.items %}{{ i }}{% endfor %}")).isEmpty();
        assertThat(TemplateSyntax.problem("return {a: {b: 1}};")).isEmpty();
    }

    @Test
    void an_opening_delimiter_never_closed_is_refused_with_its_position() {
        assertThat(TemplateSyntax.problem("find {{ params.x ")).hasValueSatisfying(p ->
                assertThat(p).contains("'{{' at character 6").contains("never closed"));
        assertThat(TemplateSyntax.problem("return {{{;")).isPresent();
        assertThat(TemplateSyntax.problem("{% if x ")).isPresent();
        assertThat(TemplateSyntax.problem("{# note")).isPresent();
    }

    @Test
    void a_block_tag_without_its_end_is_refused() {
        assertThat(TemplateSyntax.problem("{% if params.x %}yes")).isPresent();
    }
}
