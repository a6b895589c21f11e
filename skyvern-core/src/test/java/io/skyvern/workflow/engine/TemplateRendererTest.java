package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {
    private final TemplateRenderer renderer = new TemplateRenderer();

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TemplateContext context() {
        return new TemplateContext(json("{'email':'a@b.c','password':'hunter2','n':3,'nothing':null}"),
                Map.of("extract", json("{'total':42,'items':['x','y','z'],'nested':{'deep':true}}")),
                Optional.empty(), Map.of("workflow_run_id", "wr_1", "workflow_id", "w_1"));
    }

    @Test
    void renders_params_nested_block_outputs_and_run_values_in_text() {
        String out = renderer.renderText("{{ params.email }} has {{ blocks.extract.output.total }} in {{ run.workflow_run_id }}"
                + " deep={{ blocks.extract.output.nested.deep }}", context());
        assertThat(out).isEqualTo("a@b.c has 42 in wr_1 deep=true");
    }

    @Test
    void single_expression_yields_the_raw_value() {
        assertThat(renderer.renderValue("{{ blocks.extract.output.items }}", context())).isEqualTo(json("['x','y','z']"));
        assertThat(renderer.renderValue(" {{ blocks.extract.output.total }} ", context())).isEqualTo(json("42"));
        assertThat(renderer.renderValue("{{ blocks.extract.output.nested }}", context())).isEqualTo(json("{'deep':true}"));
        assertThat(renderer.renderValue("{{ params.n * 2 }}", context()).asLong()).isEqualTo(6);
        assertThat(renderer.renderValue("total: {{ blocks.extract.output.total }}", context()).asText()).isEqualTo("total: 42");
    }

    @Test
    void undefined_nested_attribute_fails_naming_it() {
        assertThatThrownBy(() -> renderer.renderText("{{ blocks.extract.output.missing }}", context()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("blocks.extract.output.missing");
        assertThatThrownBy(() -> renderer.renderText("x {{ blocks.other.output }}", context()))
                .hasMessageContaining("blocks.other");
        assertThatThrownBy(() -> renderer.renderValue("{{ params.nope | upper }}", context()))
                .hasMessageContaining("params.nope");
    }

    @Test
    void undefined_top_level_name_inside_an_expression_fails_naming_it() {
        assertThatThrownBy(() -> renderer.evaluateCondition("mystery > 2", context()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("mystery");
        assertThatThrownBy(() -> renderer.renderText("{{ loop.item }}", context()))
                .hasMessageContaining("loop");
    }

    @Test
    void defined_null_value_is_not_an_error_and_default_and_is_defined_forgive() {
        assertThat(renderer.renderValue("{{ params.nothing }}", context()).isNull()).isTrue();
        assertThat(renderer.renderText("{{ params.nope | default('fallback') }}", context())).isEqualTo("fallback");
        assertThat(renderer.renderText("{% if params.nope is defined %}yes{% else %}no{% endif %}", context())).isEqualTo("no");
        assertThat(renderer.renderText("{% set z = 5 %}{{ z }}", context())).isEqualTo("5");
    }

    @Test
    void loop_variables_are_visible_inside_a_loop() {
        TemplateContext inLoop = context().withLoop(new TemplateContext.LoopFrame(json("{'name':'b'}"), 1));
        assertThat(renderer.renderText("{{ loop.index }}:{{ loop.item.name }}", inLoop)).isEqualTo("1:b");
        assertThatThrownBy(() -> renderer.renderText("{{ loop.item.age }}", inLoop)).hasMessageContaining("loop.item.age");
    }

    @Test
    void filters_and_for_loops_work() {
        assertThat(renderer.renderText("{{ params.email | upper }} {{ blocks.extract.output.items | join('-') }}"
                + " {{ blocks.extract.output.items | length }}", context())).isEqualTo("A@B.C x-y-z 3");
        assertThat(renderer.renderText("{% for i in blocks.extract.output.items %}{{ loop.index }}{{ i }}{% endfor %}",
                context())).isEqualTo("1x2y3z");
    }

    @Test
    void renders_strings_recursively_and_keeps_other_values() {
        JsonNode out = renderer.render(json("{'a':'{{ params.n }}','b':['{{ params.email }}',7,true],'c':{'d':'hi {{ params.n }}'}}"),
                context());
        assertThat(out).isEqualTo(json("{'a':3,'b':['a@b.c',7,true],'c':{'d':'hi 3'}}"));
    }

    @Test
    void conditions_evaluate_bare_or_wrapped_expressions_to_booleans() {
        assertThat(renderer.evaluateCondition("blocks.extract.output.total > 2", context())).isTrue();
        assertThat(renderer.evaluateCondition("{{ blocks.extract.output.total < 2 }}", context())).isFalse();
        assertThat(renderer.evaluateCondition("blocks.extract.output.items", context())).isTrue();
        assertThat(renderer.evaluateCondition("'false'", context())).isFalse();
        assertThat(renderer.evaluateCondition("''", context())).isFalse();
        assertThat(renderer.evaluateCondition("'yes'", context())).isTrue();
        assertThat(renderer.evaluateCondition("params.nothing", context())).isFalse();
    }

    @Test
    void error_messages_do_not_contain_secret_values() {
        assertThatThrownBy(() -> renderer.renderText("{{ params.password }} {{ params.nope }}", context()))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void syntax_errors_fail() {
        assertThatThrownBy(() -> renderer.renderText("{{ 1 + }}", context())).isInstanceOf(TemplateException.class);
    }
}
