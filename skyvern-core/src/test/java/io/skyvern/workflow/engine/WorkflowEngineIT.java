package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.agent.AgentLoop;
import io.skyvern.agent.RunControl;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.common.Json;
import io.skyvern.config.BrowserConfig;
import io.skyvern.config.LlmConfig;
import io.skyvern.llm.LlmPriceTable;
import io.skyvern.llm.OpenAiCompatibleClient;
import io.skyvern.llm.RetryPolicy;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Chromium, a loopback site with a JSON endpoint, and the scripted LLM server. */
class WorkflowEngineIT {
    static final String CHROMIUM = "/usr/bin/chromium";
    static HttpServer site;
    static String siteUrl;
    static final List<String> echoed = new CopyOnWriteArrayList<>();
    static PlaywrightBrowserManager browsers;
    static ScriptedLlmServer llm;
    static WorkflowEngine engine;

    @TempDir
    Path downloads;
    final WorkflowEngineTest.RecordingRecorder recorder = new WorkflowEngineTest.RecordingRecorder();

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeFalse("postgres".equals(TestDatabases.backend()), "browser ITs run in the H2 pass");
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", ex -> send(ex, 200, "text/html",
                "<html><head><title>Engine Home</title></head><body><h1>Welcome</h1><p>Price: 42 EUR</p></body></html>"));
        site.createContext("/api/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            echoed.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
            send(ex, 200, "application/json", "{\"received\":" + body + ",\"count\":" + 3 + "}");
        });
        site.start();
        siteUrl = "http://127.0.0.1:" + site.getAddress().getPort();
        String exe = Files.isExecutable(Path.of(CHROMIUM)) ? CHROMIUM : "";
        browsers = new PlaywrightBrowserManager(new BrowserConfig(exe, "", true, 1280, 800, false), 1);
        llm = ScriptedLlmServer.start();
        OpenAiCompatibleClient client = new OpenAiCompatibleClient(new LlmConfig("openai", llm.baseUrl() + "/", "sk-test",
                "gpt-4o", false, Duration.ofSeconds(10)), LlmPriceTable.defaults(),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
        engine = new WorkflowEngine(browsers, new AgentLoop(client, Clock.systemUTC(), false), client, Clock.systemUTC(), true);
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @BeforeEach
    void reset() {
        echoed.clear();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static JsonNode json(String text) {
        return TemplateRendererTest.json(text);
    }

    WorkflowRunResult run(WorkflowEngine with, String definition, String params, RunControl control) {
        return with.execute(new WorkflowRunContext("wr_it", "w_it", "o_it", json(definition), json(params), control,
                recorder, downloads, SessionOptions.fresh()));
    }

    WorkflowRunResult run(String definition, String params) {
        return run(engine, definition, params, RunControl.NONE);
    }

    @Test
    void full_workflow_with_navigation_code_http_condition_loop_wait_text_prompt_and_extraction() {
        int before = llm.requestCount();
        llm.reply(ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete", "reasoning", "on page")))));
        llm.reply(ScriptedReply.json(Map.of("summary", "fine")));
        llm.reply(ScriptedReply.json(Map.of("extracted_information", Map.of("price", 42))));
        String definition = """
                {'blocks':[
                 {'id':'open','type':'navigation','parameters':{'url':'{{ params.site }}/','navigation_goal':'Open the home page'}},
                 {'id':'title','type':'code','parameters':{'code':'return document.title + params.suffix;'}},
                 {'id':'post','type':'http_request','parameters':{'method':'POST','url':'{{ params.site }}/api/echo',
                   'body':{'title':'{{ blocks.title.output }}','run':'{{ run.workflow_run_id }}','n':'{{ params.n }}'}}},
                 {'id':'many','type':'condition','parameters':{'condition_expression':'blocks.post.output.body.count > 2'}},
                 {'id':'never','type':'code','parameters':{'code':'return 0;'}},
                 {'id':'each','type':'loop','parameters':{'loop_over':'{{ params.items }}','loop_blocks':['shout']}},
                 {'id':'shout','type':'code','parameters':{'code':'return loop.item.toUpperCase() + loop.index + params.suffix;'}},
                 {'id':'pause','type':'wait','parameters':{'seconds':'{{ params.pause }}'}},
                 {'id':'summary','type':'text_prompt','parameters':{'prompt':'Summarise {{ blocks.title.output }}',
                   'json_schema':{'type':'object','required':['summary'],'properties':{'summary':{'type':'string'}}}}},
                 {'id':'price','type':'extraction','parameters':{'data_extraction_goal':'The price',
                   'data_schema':{'type':'object','properties':{'price':{'type':'number'}}}}}],
                 'connections':[{'source':'open','target':'title'},{'source':'title','target':'post'},
                  {'source':'post','target':'many'},{'source':'many','target':'each','condition':'true'},
                  {'source':'many','target':'never','condition':'false'},{'source':'each','target':'pause'},
                  {'source':'pause','target':'summary'},{'source':'summary','target':'price'}]}
                """;
        long t0 = System.nanoTime();
        WorkflowRunResult result = run(definition, "{'site':'" + siteUrl + "','suffix':'-X','n':7,'items':['a','b','c'],'pause':0.3}");

        assertThat(result).isInstanceOf(WorkflowRunResult.Completed.class);
        JsonNode out = result.output();
        assertThat(out.get("open")).isEqualTo(json("{'extracted_information':null,'status':'completed'}"));
        assertThat(out.get("title").asText()).isEqualTo("Engine Home-X");
        assertThat(echoed).containsExactly("POST application/json {\"title\":\"Engine Home-X\",\"run\":\"wr_it\",\"n\":7}");
        assertThat(out.get("post").get("status_code").asInt()).isEqualTo(200);
        assertThat(out.get("post").get("body").get("received").get("title").asText()).isEqualTo("Engine Home-X");
        assertThat(out.get("many").asBoolean()).isTrue();
        assertThat(out.has("never")).isFalse();
        assertThat(out.get("each")).isEqualTo(json("[{'shout':'A0-X'},{'shout':'B1-X'},{'shout':'C2-X'}]"));
        assertThat(System.nanoTime() - t0).isGreaterThan(Duration.ofMillis(300).toNanos());
        assertThat(out.get("summary")).isEqualTo(json("{'summary':'fine'}"));
        assertThat(out.get("price")).isEqualTo(json("{'price':42}"));
        List<RecordedRequest> requests = llm.requests();
        assertThat(requests.get(before + 1).promptText()).contains("Summarise Engine Home-X");
        assertThat(requests.get(before + 2).promptText()).contains("The price").contains("Welcome");
        assertThat(recorder.events).filteredOn(e -> e.startsWith("end")).hasSize(11).allMatch(e -> e.endsWith("completed"));
        assertThat(recorder.events).contains("start shout code #6 0", "start shout code #8 2")
                .noneMatch(e -> e.contains("never"));
    }

    @Test
    void undefined_variable_fails_its_block_continue_on_failure_goes_on_and_empty_loop_is_fine() {
        String definition = """
                {'blocks':[
                 {'id':'soft','type':'http_request','continue_on_failure':true,
                   'parameters':{'method':'POST','url':'{{ params.site }}/api/echo','body':{'v':'{{ params.nope }}'}}},
                 {'id':'empty','type':'loop','parameters':{'loop_over':'{{ params.items }}','loop_blocks':['body']}},
                 {'id':'body','type':'code','parameters':{'code':'return 1;'}},
                 {'id':'hard','type':'code','parameters':{'code':'return 2;'}},
                 {'id':'bad','type':'http_request','parameters':{'url':'{{ blocks.soft.output.body.count }}/x'}},
                 {'id':'unreached','type':'code','parameters':{'code':'return 3;'}}],
                 'connections':[{'source':'soft','target':'empty'},{'source':'empty','target':'hard'},
                   {'source':'hard','target':'bad'},{'source':'bad','target':'unreached'}]}
                """;
        WorkflowRunResult result = run(definition, "{'site':'" + siteUrl + "','items':[]}");

        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class, f ->
                assertThat(f.reason()).startsWith("Block bad failed").contains("blocks.soft.output.body"));
        assertThat(result.output().get("soft").get("error").asText()).contains("params.nope");
        assertThat(result.output().get("empty")).isEmpty();
        assertThat(result.output().get("hard").asInt()).isEqualTo(2);
        assertThat(result.output().has("unreached")).isFalse();
        assertThat(echoed).isEmpty();
        assertThat(recorder.events).contains("end soft failed", "end empty completed", "end bad failed")
                .noneMatch(e -> e.contains("body") || e.contains("unreached"));
    }

    @Test
    void cancel_during_a_wait_ends_the_run_promptly() {
        AtomicBoolean cancel = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // cancel 200 ms into the wait (the first block may take a while: it starts the browser)
            timer.scheduleWithFixedDelay(() -> {
                if (recorder.events.contains("start long wait #2 null")) {
                    timer.schedule(() -> cancel.set(true), 200, TimeUnit.MILLISECONDS);
                    throw new IllegalStateException("done polling");
                }
            }, 20, 20, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            WorkflowRunResult result = run(engine, "{'blocks':[{'id':'first','type':'code','parameters':{'code':'return 1;'}},"
                    + "{'id':'long','type':'wait','parameters':{'seconds':30}},{'id':'after','type':'code','parameters':{'code':'return 2;'}}],"
                    + "'connections':[{'source':'first','target':'long'},{'source':'long','target':'after'}]}", "{}",
                    WorkflowEngineTest.control(cancel, Optional.empty()));
            assertThat(result).isInstanceOf(WorkflowRunResult.Canceled.class);
            assertThat(result.output().get("first").asInt()).isEqualTo(1);
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(10).toNanos());
            assertThat(recorder.events).contains("end long canceled").noneMatch(e -> e.contains("after"));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void deadline_during_a_wait_times_the_run_out() {
        long t0 = System.nanoTime();
        WorkflowRunResult result = run(engine, "{'blocks':[{'id':'long','type':'wait','parameters':{'seconds':30}}]}", "{}",
                WorkflowEngineTest.control(new AtomicBoolean(), Optional.of(Instant.now().plusMillis(300))));
        assertThat(result).isInstanceOf(WorkflowRunResult.TimedOut.class);
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(10).toNanos());
        assertThat(recorder.events).contains("end long timed_out");
    }

    @Test
    void http_request_to_loopback_is_refused_unless_private_network_is_allowed() {
        WorkflowEngine strict = new WorkflowEngine(browsers, null, null, Clock.systemUTC(), false);
        WorkflowRunResult result = run(strict, "{'blocks':[{'id':'call','type':'http_request','parameters':{'url':'"
                + siteUrl + "/api/echo'}}]}", "{}", RunControl.NONE);
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class, f ->
                assertThat(f.reason()).contains("not allowed"));
        assertThat(echoed).isEmpty();
    }

    @Test
    void text_prompt_without_schema_yields_text_and_a_schema_mismatch_fails() {
        llm.reply(ScriptedReply.content("Plain answer"));
        llm.reply(ScriptedReply.json(Map.of("wrong", true)));
        WorkflowRunResult result = run("""
                {'blocks':[{'id':'free','type':'text_prompt','parameters':{'prompt':'Say something about {{ params.topic }}'}},
                 {'id':'typed','type':'text_prompt','parameters':{'prompt':'Give JSON',
                   'json_schema':{'type':'object','required':['summary']}}}],
                 'connections':[{'source':'free','target':'typed'}]}""", "{'topic':'cats'}");

        assertThat(result.output().get("free").asText()).isEqualTo("Plain answer");
        assertThat(llm.requests().get(llm.requestCount() - 2).promptText()).contains("Say something about cats");
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class, f ->
                assertThat(f.reason()).contains("Block typed failed").contains("json_schema").contains("summary"));
    }

    @Test
    void navigation_block_the_agent_terminates_fails_with_the_reason() {
        llm.reply(ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "terminate",
                "reason", "No login form here")))));
        WorkflowRunResult result = run("{'blocks':[{'id':'login','type':'navigation','parameters':{'url':'"
                + siteUrl + "/','navigation_goal':'Log in','max_steps':2}}]}", "{}");
        assertThat(result).isInstanceOfSatisfying(WorkflowRunResult.Failed.class, f ->
                assertThat(f.reason()).contains("Block login failed").contains("No login form here"));
    }
}
