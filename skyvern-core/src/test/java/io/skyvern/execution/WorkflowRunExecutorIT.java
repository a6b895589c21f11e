package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.common.Json;
import io.skyvern.config.BrowserConfig;
import io.skyvern.config.LlmConfig;
import io.skyvern.llm.LlmPriceTable;
import io.skyvern.llm.OpenAiCompatibleClient;
import io.skyvern.llm.RetryPolicy;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.webhook.WebhookSignature;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.AfterAll;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.skyvern.execution.WorkflowExecutionBed.await;
import static io.skyvern.execution.WorkflowExecutionBed.block;
import static io.skyvern.execution.WorkflowExecutionBed.blocks;
import static io.skyvern.execution.WorkflowExecutionBed.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow runs started through the service and executed by a real worker pool on the database
 * queue: real Chromium on the fixture site, the scripted model, a loopback receiver for
 * http_request blocks and webhooks.
 */
class WorkflowRunExecutorIT {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    static FixtureSite site;
    static ScriptedLlmServer llm;
    static OpenAiCompatibleClient client;
    static PlaywrightBrowserManager browsers;
    static HttpServer receiver;
    static String hook;
    static final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        site = FixtureSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(WorkflowModel::answer);
        client = new OpenAiCompatibleClient(new LlmConfig("openai", llm.baseUrl() + "/", "sk-test", "gpt-4o", false,
                Duration.ofSeconds(10)), LlmPriceTable.defaults(),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
        String exe = Files.isExecutable(Path.of(CHROMIUM)) ? CHROMIUM : "";
        browsers = new PlaywrightBrowserManager(new BrowserConfig(exe, "", true, 1280, 800, false), 2);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
        hook = "http://127.0.0.1:" + receiver.getAddress().getPort();
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
            site.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @BeforeEach
    void reset() {
        received.clear();
    }

    private WorkflowExecutionBed bed() {
        return new WorkflowExecutionBed(tmp, browsers, client, Clock.systemUTC());
    }

    private List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    static final String FULL = """
            {'blocks':[
             {'id':'login','type':'navigation','parameters':{'url':'{{ params.site }}/login',
               'navigation_goal':'Log in as {{ params.user }}','max_steps':3,
               'navigation_payload':{'username':'{{ params.user }}','password':'{{ params.password }}'}}},
             {'id':'pages','type':'loop','parameters':{'loop_over':'{{ params.pages }}','loop_blocks':['open_page','read_page']}},
             {'id':'open_page','type':'navigation','parameters':{'url':'{{ params.site }}/list?page={{ loop.item }}',
               'navigation_goal':'Open list page {{ loop.item }}','max_steps':2}},
             {'id':'read_page','type':'extraction','parameters':{'data_extraction_goal':'List every item name on this page',
               'data_schema':{'type':'object','properties':{'items':{'type':'array','items':{'type':'string'}},'page':{'type':'integer'}}}}},
             {'id':'branch','type':'condition','parameters':{'condition_expression':'blocks.pages.output[2].read_page.page == 3'}},
             {'id':'notify','type':'http_request','parameters':{'method':'POST','url':'{{ params.hook }}/receive',
               'body':{'user':'{{ params.user }}','first':'{{ blocks.pages.output[0].read_page.items[0] }}',
                 'last_page':'{{ blocks.pages.output[2].read_page.page }}','run':'{{ run.workflow_run_id }}'}}},
             {'id':'wrong','type':'http_request','parameters':{'method':'POST','url':'{{ params.hook }}/wrong'}},
             {'id':'summary','type':'code','parameters':{'code':
               'const n = blocks.pages.output.map(p => p.read_page.items.length).reduce((a, b) => a + b, 0); return `${n} items, ${document.title}, notified ${blocks.notify.output.status_code}`;'}}],
             'connections':[{'source':'login','target':'pages'},{'source':'pages','target':'branch'},
              {'source':'branch','target':'notify','condition':true},{'source':'branch','target':'wrong','condition':false},
              {'source':'notify','target':'summary'}]}
            """;

    @Test
    void queued_run_logs_in_pages_through_the_list_branches_calls_http_runs_code_and_sends_the_webhook() throws Exception {
        try (WorkflowExecutionBed bed = bed().start()) {
            String workflowId = bed.create(FULL);
            WorkflowRun run = bed.startRun(workflowId, "{'site':'" + site.baseUrl() + "','hook':'" + hook
                    + "','user':'alice','password':'wonderland','pages':[1,2,3]}", hook + "/webhook", 10);
            WorkflowRunDetails done = bed.awaitEnd(run, RUN_TIMEOUT);

            assertThat(done.run().status()).as("failure: %s", done.run().failureReason())
                    .isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(site.lastSubmission("/login")).hasValueSatisfying(s -> assertThat(s.fields())
                    .containsEntry("username", "alice").containsEntry("password", "wonderland"));
            JsonNode out = done.run().output();
            JsonNode navDone = json("{'extracted_information':null,'status':'completed'}");
            assertThat(out.get("login")).isEqualTo(navDone);
            assertThat(out.get("pages")).isEqualTo(json("""
                    [{'open_page':{'extracted_information':null,'status':'completed'},
                      'read_page':{'items':['Item 1','Item 2','Item 3','Item 4','Item 5'],'page':1}},
                     {'open_page':{'extracted_information':null,'status':'completed'},
                      'read_page':{'items':['Item 6','Item 7','Item 8','Item 9','Item 10'],'page':2}},
                     {'open_page':{'extracted_information':null,'status':'completed'},
                      'read_page':{'items':['Item 11','Item 12','Item 13','Item 14','Item 15'],'page':3}}]"""));
            assertThat(out.get("branch").asBoolean()).isTrue();
            assertThat(out.get("notify").get("status_code").asInt()).isEqualTo(200);
            assertThat(out.get("notify").get("body")).isEqualTo(json("{'ok':true}"));
            assertThat(out.get("summary").asText()).isEqualTo("15 items, Items - page 3, notified 200");
            assertThat(fieldNames(out)).containsExactlyInAnyOrder("login", "pages", "branch", "notify", "summary");
            assertThat(receivedAt("/wrong")).isEmpty();
            assertThat(receivedAt("/receive")).singleElement().satisfies(r -> assertThat(r.json()).isEqualTo(
                    json("{'user':'alice','first':'Item 1','last_page':3,'run':'" + run.workflowRunId() + "'}")));

            assertBlockRuns(done);
            assertScreenshots(bed, done);
            assertWebhook(bed, run);
        }
    }

    private static void assertBlockRuns(WorkflowRunDetails done) {
        assertThat(done.blocks()).hasSize(11).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo("completed");
            assertThat(b.failureReason()).isNull();
            assertThat(b.startedAt()).isNotNull();
            assertThat(b.completedAt()).isAfterOrEqualTo(b.startedAt());
        });
        JsonNode out = done.run().output();
        for (String id : List.of("login", "pages", "branch", "notify", "summary")) {
            assertThat(block(done, id).output()).as(id).isEqualTo(out.get(id));
            assertThat(block(done, id).loopIndex()).isNull();
        }
        assertThat(done.blocks().stream().map(WorkflowRunBlock::blockId).toList()).containsExactly("login", "pages",
                "open_page", "read_page", "open_page", "read_page", "open_page", "read_page", "branch", "notify", "summary");
        List<WorkflowRunBlock> reads = blocks(done, "read_page");
        for (int i = 0; i < 3; i++) {
            assertThat(reads.get(i).loopIndex()).isEqualTo(i);
            assertThat(reads.get(i).output()).isEqualTo(out.get("pages").get(i).get("read_page"));
            assertThat(reads.get(i).inputTokens()).isEqualTo(100);
            assertThat(reads.get(i).outputTokens()).isEqualTo(20);
            assertThat(reads.get(i).cost()).isPositive();
            assertThat(blocks(done, "open_page").get(i).loopIndex()).isEqualTo(i);
        }
        assertThat(block(done, "login").inputTokens()).isPositive();
        assertThat(block(done, "pages").inputTokens()).isEqualTo(300 + blocks(done, "open_page").stream()
                .mapToLong(WorkflowRunBlock::inputTokens).sum());
        assertThat(done.run().workflowVersion()).isEqualTo(1);
    }

    private static void assertScreenshots(WorkflowExecutionBed bed, WorkflowRunDetails done) throws IOException {
        List<Artifact> artifacts = bed.artifacts.listForWorkflowRun(bed.org, done.run().workflowRunId());
        Set<ArtifactType> screenshots = Set.of(ArtifactType.SCREENSHOT_BEFORE, ArtifactType.SCREENSHOT_AFTER);
        Map<String, Long> shotsPerBlockRun = artifacts.stream().filter(a -> screenshots.contains(a.artifactType()))
                .collect(Collectors.groupingBy(Artifact::workflowRunBlockId, Collectors.counting()));
        // login: two steps (form, then the account page); each list page: one step
        assertThat(shotsPerBlockRun.get(block(done, "login").workflowRunBlockId())).isGreaterThanOrEqualTo(3);
        for (WorkflowRunBlock open : blocks(done, "open_page")) {
            assertThat(shotsPerBlockRun.get(open.workflowRunBlockId())).as("screenshots of %s", open).isPositive();
        }
        assertThat(artifacts).allSatisfy(a -> assertThat(a.workflowRunId()).isEqualTo(done.run().workflowRunId()));
        assertThat(bed.service.runArtifacts(bed.org, done.run().workflowId(), done.run().workflowRunId()))
                .isEqualTo(artifacts);
        Artifact shot = artifacts.stream().filter(a -> a.artifactType() == ArtifactType.SCREENSHOT_BEFORE).findFirst().orElseThrow();
        try (var in = bed.artifacts.openContent(bed.org, shot.artifactId())) {
            byte[] png = in.readAllBytes();
            assertThat(png).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        }
        assertThat(artifacts).noneMatch(a -> {
            try (var in = bed.artifacts.openContent(bed.org, a.artifactId())) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("wonderland");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void assertWebhook(WorkflowExecutionBed bed, WorkflowRun run) throws Exception {
        await(() -> !receivedAt("/webhook").isEmpty(), Duration.ofSeconds(10));
        Received webhook = receivedAt("/webhook").get(0);
        String signature = webhook.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(WebhookSignature.SIGNATURE_HEADER))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
        assertThat(WebhookSignature.verify(webhook.body(), signature, "whsec_" + bed.org)).isTrue();
        JsonNode body = Json.mapper().readTree(webhook.body());
        WorkflowRun stored = bed.details(run).run();
        assertThat(body.get("workflow_run_id").asText()).isEqualTo(run.workflowRunId());
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("workflow_version").asInt()).isEqualTo(1);
        assertThat(body.get("output")).isEqualTo(stored.output());
        assertThat(body.get("completed_at").asText()).isEqualTo(stored.completedAt().toString());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
