package io.skyvern.workflow.block;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BlockParserTest {
    private final BlockParser parser = new BlockParser();

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void parses_every_block_type_with_raw_template_parameters() {
        WorkflowGraph graph = parser.parse(json("""
                {'blocks':[
                 {'id':'nav','type':'navigation','parameters':{'url':'{{ params.url }}','navigation_goal':'Log in',
                   'navigation_payload':{'user':'{{ params.user }}'},'max_steps':5,'error_code_mapping':{'E1':'bad'}}},
                 {'id':'task','type':'task','parameters':{'data_extraction_goal':'Get price','data_schema':{'type':'object'}}},
                 {'id':'ext','type':'extraction','parameters':{'data_extraction_goal':'prices'}},
                 {'id':'loop','type':'loop','parameters':{'loop_over':'{{ blocks.ext.output.items }}','loop_blocks':['code']}},
                 {'id':'code','type':'code','parameters':{'code':'return 1;'}},
                 {'id':'cond','type':'condition','parameters':{'condition_expression':'blocks.ext.output.count > 2'},
                   'continue_on_failure':true},
                 {'id':'wait','type':'wait','parameters':{'seconds':2}},
                 {'id':'http','type':'http_request','parameters':{'method':'POST','url':'https://x.test','body':{'a':'{{ params.a }}'},
                   'headers':{'X':'y'},'timeout_seconds':5}},
                 {'id':'llm','type':'text_prompt','parameters':{'prompt':'Summarise {{ params.a }}','json_schema':{'type':'object'}}}],
                 'connections':[{'source':'nav','target':'task'},{'source':'task','target':'ext'},{'source':'ext','target':'loop'},
                   {'source':'loop','target':'cond'},{'source':'cond','target':'wait','condition':'true'},
                   {'source':'cond','target':'http','condition':'false'},{'source':'wait','target':'llm'}]}
                """));

        assertThat(graph.startBlockId()).isEqualTo("nav");
        assertThat(graph.blocks()).hasSize(9);
        Block.NavigationBlock nav = (Block.NavigationBlock) graph.blocks().get("nav");
        assertThat(nav.agent().url().asText()).isEqualTo("{{ params.url }}");
        assertThat(nav.agent().navigationPayload().get("user").asText()).isEqualTo("{{ params.user }}");
        assertThat(nav.agent().maxSteps().asInt()).isEqualTo(5);
        assertThat(graph.blocks().get("task")).isInstanceOf(Block.TaskBlock.class);
        Block.LoopBlock loop = (Block.LoopBlock) graph.blocks().get("loop");
        assertThat(loop.loopBlocks()).containsExactly("code");
        assertThat(loop.loopOver().asText()).isEqualTo("{{ blocks.ext.output.items }}");
        Block.ConditionBlock cond = (Block.ConditionBlock) graph.blocks().get("cond");
        assertThat(cond.continueOnFailure()).isTrue();
        assertThat(cond.conditionExpression()).isEqualTo("blocks.ext.output.count > 2");
        assertThat(((Block.HttpRequestBlock) graph.blocks().get("http")).body().get("a").asText()).isEqualTo("{{ params.a }}");
        assertThat(((Block.TextPromptBlock) graph.blocks().get("llm")).jsonSchema().get("type").asText()).isEqualTo("object");
        assertThat(((Block.WaitBlock) graph.blocks().get("wait")).seconds().asInt()).isEqualTo(2);
        assertThat(graph.outgoing("cond")).extracting(Connection::condition)
                .containsExactly(Optional.of("true"), Optional.of("false"));
        assertThat(graph.loopBodyIds()).containsExactly("code");
    }

    @Test
    void loop_body_blocks_are_not_start_blocks() {
        WorkflowGraph graph = parser.parse(json("""
                {'blocks':[{'id':'body','type':'wait','parameters':{'seconds':0}},
                 {'id':'loop','type':'loop','parameters':{'loop_over':[1],'loop_blocks':['body']}}],'connections':[]}"""));
        assertThat(graph.startBlockId()).isEqualTo("loop");
    }

    @Test
    void reports_every_problem_at_once() {
        SkyvernException e = catchThrowableOfType(SkyvernException.class, () -> parser.parse(json("""
                {'blocks':[{'id':'a','type':'teleport','parameters':{}},
                 {'id':'b','type':'navigation','parameters':{}},
                 {'id':'c','type':'code','parameters':{}},
                 {'id':'d','type':'task','parameters':{'url':'x'}}],
                 'connections':[{'source':'a','target':'zzz'}]}""")));
        assertThat(e.errors()).anyMatch(m -> m.contains("unknown type 'teleport'"))
                .anyMatch(m -> m.contains("blocks.b: parameter navigation_goal is required"))
                .anyMatch(m -> m.contains("blocks.c: parameter code is required"))
                .anyMatch(m -> m.contains("blocks.d: a task block needs"))
                .anyMatch(m -> m.contains("unknown block"));
    }

    @Test
    void two_start_blocks_are_rejected() {
        assertThatThrownBy(() -> parser.parse(json("""
                {'blocks':[{'id':'a','type':'wait','parameters':{'seconds':0}},{'id':'b','type':'wait','parameters':{'seconds':0}}]}""")))
                .isInstanceOf(SkyvernException.class)
                .satisfies(t -> assertThat(((SkyvernException) t).errors()).anyMatch(m -> m.contains("exactly one start block")));
    }

    @Test
    void empty_definition_is_rejected() {
        assertThatThrownBy(() -> parser.parse(json("{'blocks':[]}"))).isInstanceOf(SkyvernException.class);
    }
}
