package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.RunControl;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import io.skyvern.common.Json;
import io.skyvern.workflow.block.Block;
import io.skyvern.workflow.block.BlockType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph walking with a fake block executor (no browser, no LLM). */
class WorkflowEngineTest {
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final RecordingRecorder recorder = new RecordingRecorder();
    final FakeBrowsers browsers = new FakeBrowsers();
    BiFunction<Block, BlockInvocation, BlockOutcome> behaviour = (b, i) -> new BlockOutcome.Succeeded(
            Json.mapper().createObjectNode().put("ran", b.id()));

    final BlockExecutor fake = (block, invocation) -> {
        ran.add(block.id() + invocation.context().loop().map(l -> "[" + l.index() + "=" + l.item().asText() + "]").orElse(""));
        return behaviour.apply(block, invocation);
    };

    static JsonNode json(String text) {
        return TemplateRendererTest.json(text);
    }

    WorkflowRunResult run(String definition, String params, RunControl control) {
        WorkflowEngine engine = new WorkflowEngine(fake, browsers, Clock.systemUTC());
        return engine.execute(new WorkflowRunContext("wr_1", "w_1", "o_1", json(definition), json(params), control,
                recorder, Path.of("target/downloads"), SessionOptions.fresh()));
    }

    WorkflowRunResult run(String definition, String params) {
        return run(definition, params, RunControl.NONE);
    }

    static String wait(String id) {
        return "{'id':'" + id + "','type':'wait','parameters':{'seconds':0}}";
    }

    @Test
    void walks_connections_from_the_start_block_and_collects_outputs() {
        WorkflowRunResult result = run("{'blocks':[" + wait("c") + "," + wait("a") + "," + wait("b") + "],"
                + "'connections':[{'source':'a','target':'b'},{'source':'b','target':'c'}]}", "{}");

        assertThat(result).isInstanceOf(WorkflowRunResult.Completed.class);
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(result.output()).isEqualTo(json("{'a':{'ran':'a'},'b':{'ran':'b'},'c':{'ran':'c'}}"));
        assertThat(recorder.events).containsExactly("start a wait #1 null", "end a completed", "start b wait #2 null",
                "end b completed", "start c wait #3 null", "end c completed");
        assertThat(browsers.opened.get()).isZero();
    }

    @Test
    void condition_follows_the_matching_edge_and_unconditional_edges() {
        String definition = "{'blocks':[" + wait("first") + ",{'id':'cond','type':'condition','parameters':"
                + "{'condition_expression':'params.n > 2'}}," + wait("yes") + "," + wait("no") + "," + wait("always") + "],"
                + "'connections':[{'source':'first','target':'cond'},{'source':'cond','target':'yes','condition':'true'},"
                + "{'source':'cond','target':'no','condition':'false'},{'source':'cond','target':'always'}]}";

        WorkflowRunResult big = run(definition, "{'n':3}");
        assertThat(ran).containsExactly("first", "yes", "always");
        assertThat(big.output().get("cond").asBoolean()).isTrue();

        ran.clear();
        run(definition, "{'n':1}");
        assertThat(ran).containsExactly("first", "no", "always");
    }

    @Test
    void loop_runs_its_blocks_in_order_once_per_item_with_loop_variables() {
        WorkflowRunResult result = run("{'blocks':[{'id':'loop','type':'loop','parameters':{'loop_over':'{{ params.items }}',"
                + "'loop_blocks':['one','two']}}," + wait("one") + "," + wait("two") + "," + wait("after") + "],"
                + "'connections':[{'source':'loop','target':'after'}]}", "{'items':['x','y','z']}");

        assertThat(result).isInstanceOf(WorkflowRunResult.Completed.class);
        assertThat(ran).containsExactly("one[0=x]", "two[0=x]", "one[1=y]", "two[1=y]", "one[2=z]", "two[2=z]", "after");
        assertThat(result.output().get("loop")).hasSize(3);
        assertThat(result.output().get("loop").get(1)).isEqualTo(json("{'one':{'ran':'one'},'two':{'ran':'two'}}"));
        assertThat(recorder.events).contains("start loop loop #1 null", "start one wait #4 1", "start two wait #7 2");
    }

    @Test
    void body_blocks_see_earlier_outputs_of_the_same_iteration() {
        behaviour = (b, i) -> b.id().equals("two")
                ? new BlockOutcome.Succeeded(json("'" + i.context().blockOutputs().get("one").get("v").asText() + "'"))
                : new BlockOutcome.Succeeded(Json.mapper().createObjectNode().put("v", "item-" + i.context().loop().get().index()));
        WorkflowRunResult result = run("{'blocks':[{'id':'loop','type':'loop','parameters':{'loop_over':[5,6],"
                + "'loop_blocks':['one','two']}}," + wait("one") + "," + wait("two") + "]}", "{}");
        assertThat(result.output().get("loop").get(1).get("two").asText()).isEqualTo("item-1");
    }

    @Test
    void empty_loop_completes_with_an_empty_list() {
        WorkflowRunResult result = run("{'blocks':[{'id':'loop','type':'loop','parameters':{'loop_over':'{{ params.items }}',"
                + "'loop_blocks':['one']}}," + wait("one") + "]}", "{'items':[]}");
        assertThat(result).isInstanceOf(WorkflowRunResult.Completed.class);
        assertThat(result.output().get("loop")).isEmpty();
        assertThat(ran).isEmpty();
    }

    @Test
    void loop_over_a_non_list_fails() {
        WorkflowRunResult result = run("{'blocks':[{'id':'loop','type':'loop','parameters':{'loop_over':'{{ params.n }}',"
                + "'loop_blocks':['one']}}," + wait("one") + "]}", "{'n':4}");
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class,
                f -> assertThat(f.reason()).contains("loop_over must be a list"));
    }

    @Test
    void undefined_variable_fails_the_block_naming_it() {
        WorkflowRunResult result = run("{'blocks':[{'id':'cond','type':'condition','parameters':"
                + "{'condition_expression':'blocks.missing.output.count > 1'}}]}", "{}");
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class,
                f -> assertThat(f.reason()).contains("Block cond failed").contains("blocks.missing"));
        assertThat(recorder.events).contains("end cond failed");
    }

    @Test
    void failed_block_fails_the_run_and_stops_the_walk() {
        behaviour = (b, i) -> b.id().equals("a") ? new BlockOutcome.Failed("boom") : new BlockOutcome.Succeeded(null);
        WorkflowRunResult result = run("{'blocks':[" + wait("a") + "," + wait("b") + "],"
                + "'connections':[{'source':'a','target':'b'}]}", "{}");
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("Block a failed: boom"));
        assertThat(ran).containsExactly("a");
    }

    @Test
    void continue_on_failure_records_the_error_and_goes_on() {
        behaviour = (b, i) -> b.id().equals("a") ? new BlockOutcome.Failed("boom") : new BlockOutcome.Succeeded(json("1"));
        WorkflowRunResult result = run("{'blocks':[{'id':'a','type':'wait','continue_on_failure':true,'parameters':{'seconds':0}},"
                + wait("b") + "],'connections':[{'source':'a','target':'b'}]}", "{}");
        assertThat(result).isInstanceOf(WorkflowRunResult.Completed.class);
        assertThat(result.output()).isEqualTo(json("{'a':{'error':'boom'},'b':1}"));
    }

    @Test
    void failure_reasons_never_carry_secret_parameter_values() {
        behaviour = (b, i) -> new BlockOutcome.Failed("login with s3cr3t-pass refused");
        WorkflowRunResult result = run("{'blocks':[" + wait("a") + "]}", "{'password':'s3cr3t-pass'}");
        assertThat(((WorkflowRunResult.Failed) result).reason()).doesNotContain("s3cr3t-pass").contains("{{secret:password}}");
        assertThat(recorder.reasons).noneMatch(r -> r.contains("s3cr3t-pass"));
    }

    @Test
    void cancel_is_honoured_between_blocks() {
        AtomicBoolean cancel = new AtomicBoolean();
        behaviour = (b, i) -> {
            cancel.set(true);
            return new BlockOutcome.Succeeded(null);
        };
        WorkflowRunResult result = run("{'blocks':[" + wait("a") + "," + wait("b") + "],"
                + "'connections':[{'source':'a','target':'b'}]}", "{}", control(cancel, Optional.empty()));
        assertThat(result).isInstanceOf(WorkflowRunResult.Canceled.class);
        assertThat(ran).containsExactly("a");
    }

    @Test
    void past_deadline_times_the_run_out() {
        WorkflowRunResult result = run("{'blocks':[" + wait("a") + "]}", "{}",
                control(new AtomicBoolean(), Optional.of(Instant.now().minusSeconds(1))));
        assertThat(result).isInstanceOf(WorkflowRunResult.TimedOut.class);
        assertThat(ran).isEmpty();
    }

    @Test
    void one_browser_session_is_opened_lazily_shared_and_closed_at_the_end() {
        List<BrowserSession> seen = new ArrayList<>();
        behaviour = (b, i) -> {
            if (!b.id().equals("nopage")) {
                seen.add(i.session().get());
            }
            return new BlockOutcome.Succeeded(null);
        };
        run("{'blocks':[" + wait("nopage") + "," + wait("a") + "," + wait("b") + "],"
                + "'connections':[{'source':'nopage','target':'a'},{'source':'a','target':'b'}]}", "{}");
        assertThat(browsers.opened.get()).isEqualTo(1);
        assertThat(seen).hasSize(2).allMatch(s -> s == seen.get(0));
        assertThat(browsers.closed.get()).isEqualTo(1);
    }

    static RunControl control(AtomicBoolean cancel, Optional<Instant> deadline) {
        return new RunControl() {
            @Override
            public boolean cancelRequested() {
                return cancel.get();
            }

            @Override
            public Optional<Instant> deadline() {
                return deadline;
            }
        };
    }

    /** Collects block-run events as short strings. */
    static final class RecordingRecorder implements BlockRunRecorder {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        final List<JsonNode> outputs = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger ids = new AtomicInteger();
        private final java.util.Map<String, String> blockOf = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String started(String blockId, BlockType type, int order, Integer loopIndex) {
            String id = "br_" + ids.incrementAndGet();
            blockOf.put(id, blockId);
            events.add("start " + blockId + " " + type.wireName() + " #" + order + " " + loopIndex);
            return id;
        }

        @Override
        public void finished(String blockRunId, BlockRunStatus status, JsonNode output, String failureReason,
                             BlockUsage usage) {
            events.add("end " + blockOf.get(blockRunId) + " " + status.wireName());
            outputs.add(output);
            if (failureReason != null) {
                reasons.add(failureReason);
            }
        }
    }

    /** Hands out proxy sessions and counts opens and closes. */
    static final class FakeBrowsers implements BrowserManager {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public BrowserSession openSession(SessionOptions options) {
            opened.incrementAndGet();
            return (BrowserSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{BrowserSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closed.incrementAndGet();
                            yield null;
                        }
                        case "closed" -> false;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public boolean isHealthy() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
