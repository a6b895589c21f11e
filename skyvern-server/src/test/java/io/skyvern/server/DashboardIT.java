package io.skyvern.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import io.skyvern.config.ConfigKey;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the docs pages in headless Chromium against a real server (workers, real
 * Chromium for the runs, a scripted model on loopback). Page screenshots go to
 * target/dashboard-screenshots (the ones in docs/ are copies of them).
 */
class DashboardIT {
    /** A goal with this marker keeps the agent busy (slow waits) until the task is canceled. */
    static final String BUSY = "KEEP-BUSY";
    private static FixtureSite site;
    private static AnimatedSite animated;
    private static ScriptedLlmServer llm;
    private static TestServer s;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void start() {
        site = FixtureSite.start();
        animated = AnimatedSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(r -> r.rawBody().contains(BUSY)
                ? ScriptedReply.delayed(700, ScriptedReply.json(Map.of("actions", List.of(
                        Map.of("action_type", "scroll", "direction", "down", "reasoning", "keep looking")))))
                : ScriptedReply.delayed(200, ScriptedReply.json(Map.of("actions", List.of(
                        Map.of("action_type", "complete", "reasoning", "the products are listed"))))));
        s = TestServer.start(Map.of(ConfigKey.WORKERS, "2", ConfigKey.LLM_PROVIDER, "openai",
                ConfigKey.LLM_BASE_URL, llm.baseUrl(), ConfigKey.LLM_API_KEY, "sk-scripted",
                ConfigKey.LLM_MODEL, "scripted-model", ConfigKey.LLM_VISION, "false",
                ConfigKey.BROWSER_EXECUTABLE, chromium(), ConfigKey.ALLOW_PRIVATE_NETWORK, "true"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (!chromium().isEmpty()) {
            options.setExecutablePath(Path.of(chromium()));
        }
        browser = playwright.chromium().launch(options);
    }

    static String chromium() {
        String configured = System.getenv("SKYVERN_BROWSER_EXECUTABLE");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "";
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        s.close();
        llm.close();
        site.close();
        animated.close();
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String base() {
        return "http://127.0.0.1:" + s.server.port();
    }

    private void signIn(String key) {
        page.navigate(base() + "/");
        page.fill("input[name=api_key]", key);
        page.click("#sign-in");
        page.waitForURL("**/ui/runs");
    }

    private String createTask(String title, String goal, String key) {
        TestServer.Response created = s.post("/api/v1/tasks", Map.of("url", site.url("/products"), "title", title,
                "navigation_goal", goal, "navigation_payload", Map.of("email", "a@example.com", "password", "hunter2")),
                key);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().at("/data/task_id").asText();
    }

    private void awaitStatus(String taskId, String... statuses) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!List.of(statuses).contains(s.get("/api/v1/tasks/" + taskId).json().at("/data/status").asText())) {
            assertThat(System.nanoTime()).as("task %s never became %s", taskId, List.of(statuses)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/dashboard-screenshots/" + name + ".png")));
    }

    @Test
    void a_task_created_through_the_api_is_listed_escaped_and_its_page_shows_loading_screenshots() throws Exception {
        String title = "<script>window.pwned=1</script> Shop";
        String taskId = createTask(title, "Look at the products", s.bootstrapKey);
        awaitStatus(taskId, "completed");
        List<String> dialogs = new java.util.ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        signIn(s.bootstrapKey);

        page.waitForSelector("#run-list tr[data-id='" + taskId + "']");
        assertThat(page.locator("#run-list tr[data-id='" + taskId + "']").innerText()).contains(title);
        shot(page, "runs");
        page.click("#run-list tr[data-id='" + taskId + "'] a");
        page.waitForURL("**/ui/tasks/" + taskId);
        assertThat(page.locator("#task-title").innerText()).isEqualTo(title);
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(page.locator("#task-status").innerText()).isEqualTo("completed");
        assertThat(page.locator("#payload").innerText()).contains("a@example.com").doesNotContain("hunter2");
        page.waitForFunction("() => [...document.querySelectorAll('img.screenshot')].some(i => i.complete && i.naturalWidth > 0)");
        Object loaded = page.evaluate("() => [...document.querySelectorAll('img.screenshot')].filter(i => i.naturalWidth > 100).length");
        assertThat(((Number) loaded).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(dialogs).isEmpty();
        // The status timeline, and the cost, tokens and timings the steps recorded.
        assertThat(page.locator("#status-timeline li").evaluateAll("els => els.map(e => e.dataset.status)"))
                .isEqualTo(List.of("created", "queued", "running", "completed"));
        assertThat(java.time.Instant.parse(page.locator("#status-timeline li[data-status=completed] time")
                .getAttribute("datetime"))).isEqualTo(java.time.Instant.parse(
                        s.get("/api/v1/tasks/" + taskId).json().at("/data/completed_at").asText()));
        var steps = s.get("/api/v1/tasks/" + taskId + "/steps").json().at("/data");
        long input = 0;
        long output = 0;
        for (var step : steps) {
            input += step.path("input_tokens").asLong();
            output += step.path("output_tokens").asLong();
        }
        assertThat(input).isPositive();
        assertThat(page.locator("#task-tokens").innerText()).isEqualTo(input + " in · " + output + " out");
        assertThat(page.locator("#task-cost").innerText()).matches("\\$\\d+\\.\\d{4}");
        assertThat(page.locator("#task-total-time").innerText()).matches("\\d+\\.\\d{3} s");
        assertThat(page.locator("#task-run-time").innerText()).matches("\\d+\\.\\d{3} s");
        assertThat(page.locator(".step .step-time").count()).isEqualTo(steps.size());
        shot(page, "task");
    }

    @Test
    void a_task_from_the_form_runs_and_can_be_canceled() {
        signIn(s.bootstrapKey);
        page.navigate(base() + "/ui/tasks/new");
        page.fill("input[name=url]", site.url("/products"));
        page.fill("textarea[name=navigation_goal]", "Browse slowly " + BUSY);
        shot(page, "new-task");
        page.click("#create-task");
        page.waitForURL("**/ui/tasks/tsk_*");
        page.click("#cancel");
        page.waitForSelector("#task-status:text('canceled')", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(page.locator("#cancel").count()).isZero();
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_with_it_accepted() throws Exception {
        signIn(s.bootstrapKey);
        String session = context.cookies().stream().filter(c -> c.name.equals("skyvern_session"))
                .map(c -> c.value).findFirst().orElseThrow();
        Cookie cookie = context.cookies().stream().filter(c -> c.name.equals("skyvern_session")).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.name()).isEqualToIgnoringCase("strict");
        String token = page.locator("form[action='/ui/sign-out'] input[name=_csrf]").getAttribute("value");
        HttpClient http = HttpClient.newHttpClient();
        String form = "name=from-test";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/api_keys"))
                .header("Cookie", "skyvern_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base() + "/ui/api_keys"))
                .header("Cookie", "skyvern_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("id=\"new-key\"");
    }

    @Test
    void another_organisations_task_is_a_404_and_a_wrong_key_does_not_sign_in() {
        String otherKey = s.newOrganizationKey("other-org-" + System.nanoTime());
        String foreign = createTask("theirs", "Look at the products", otherKey);
        signIn(s.bootstrapKey);
        Response response = page.navigate(base() + "/ui/tasks/" + foreign);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("theirs");

        context.clearCookies();
        page.navigate(base() + "/");
        page.fill("input[name=api_key]", "sk_wrong_key");
        Response wrong = page.waitForNavigation(() -> page.click("#sign-in"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(page.content()).contains("not valid");
        shot(page, "sign-in");
    }

    @Test
    void docs_render_swagger_ui_with_the_task_operations_and_redoc() {
        page.navigate(base() + "/docs");
        page.waitForSelector(".opblock-tag-section");
        assertThat(page.locator("#operations-tag-tasks").innerText()).contains("tasks");
        assertThat(page.content()).contains("/api/v1/tasks/{task_id}/cancel");
        shot(page, "swagger-ui");
        List<String> console = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        page.onPageError(e -> console.add("pageerror: " + e));
        page.navigate(base() + "/redoc");
        try {
            // ReDoc lays out the whole document before it shows anything: slow on a loaded 2-core machine
            // Its side menu lists the document's tags once it has read /openapi.json (the operations
            // themselves render lazily, later, on a loaded host)
            page.waitForSelector("text=browser_sessions", new Page.WaitForSelectorOptions().setTimeout(120_000));
        } catch (RuntimeException e) {
            throw new AssertionError("ReDoc did not render: " + console + "\n" + page.innerText("body"), e);
        }
        assertThat(page.innerText("body")).contains("tasks", "workflows", "credentials");
        page.screenshot(new Page.ScreenshotOptions().setTimeout(120_000)
                .setPath(Path.of("target/dashboard-screenshots/redoc.png")));  // the full page is very long
    }

    @Test
    void workflow_pages_show_validation_errors_and_run_from_the_generated_form() {
        signIn(s.bootstrapKey);
        page.navigate(base() + "/ui/workflows");
        page.fill("textarea[name=definition]", "title: Broken\nworkflow_definition:\n  blocks:\n    - id: a\n      type: nonsense\n");
        page.click("#create-workflow");
        // The block's error at the block's line, the missing description's warning at the title.
        assertThat(page.locator("#definition-lines li[data-line='4'] .problem.error").innerText()).contains("nonsense");
        assertThat(page.locator("#definition-lines li[data-line='1'] .problem.warning").innerText())
                .contains("description");
        assertThat(page.locator("textarea[name=definition]").getAttribute("aria-invalid")).isEqualTo("true");
        shot(page, "workflow-errors");
        page.fill("textarea[name=definition]", """
                title: Wait a bit
                workflow_definition:
                  blocks:
                    - id: pause
                      type: wait
                      parameters:
                        seconds: 0
                parameter_schema:
                  type: object
                  properties:
                    who:
                      type: string
                      description: a name
                  required: [who]
                """);
        page.click("#create-workflow");
        // Saved with a warning: the editor again, the warning in place, a link on to the workflow.
        assertThat(page.locator("#saved-notice").innerText()).contains("Saved as version 1");
        assertThat(page.locator("#definition-lines li[data-line='1'] .problem.warning").innerText())
                .contains("description");
        page.click("#saved-notice a");
        page.waitForURL("**/ui/workflows/wf_*");
        shot(page, "workflow");
        page.fill("input[name='p.who']", "Ada");
        page.click("#run-workflow");
        page.waitForURL("**/runs/wr_*");
        page.waitForSelector("[data-status=completed]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        shot(page, "workflow-run");
        page.navigate(base() + "/ui/browser_sessions");
        shot(page, "browser-sessions");
        page.navigate(base() + "/ui/api_keys");
        shot(page, "api-keys");
    }

    @Test
    void the_runs_list_holds_tasks_and_workflow_runs_together_and_filters_both() throws Exception {
        String marker = "Mixed " + System.nanoTime();
        TestServer.Response created = s.post("/api/v1/workflows", Map.of("title", marker + " workflow",
                "description", "a pause", "workflow_definition", Map.of("blocks", List.of(Map.of("id", "pause",
                        "type", "wait", "parameters", Map.of("seconds", 0))))), s.bootstrapKey);
        String workflowId = created.json().at("/data/workflow_id").asText();
        String runId = s.post("/api/v1/workflows/" + workflowId + "/runs", Map.of("parameters", Map.of()))
                .json().at("/data/workflow_run_id").asText();
        String taskId = createTask(marker + " task", "Look at the products", s.bootstrapKey);
        awaitStatus(taskId, "completed");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!s.get("/api/v1/workflows/" + workflowId + "/runs/" + runId).json().at("/data/status").asText()
                .equals("completed")) {
            assertThat(System.nanoTime()).as("workflow run never completed").isLessThan(deadline);
            Thread.sleep(100);
        }
        signIn(s.bootstrapKey);
        page.navigate(base() + "/ui/runs?q=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.locator("#run-list tbody tr").evaluateAll("els => els.map(e => e.dataset.id)"))
                .isEqualTo(List.of(taskId, runId));
        assertThat(page.locator("#run-list tr[data-id='" + runId + "']").getAttribute("data-kind"))
                .isEqualTo("workflow run");
        assertThat(page.locator("#run-total").innerText()).isEqualTo("2");
        page.click("#run-list tr[data-id='" + runId + "'] a");
        page.waitForURL("**/ui/workflows/" + workflowId + "/runs/" + runId);
        page.navigate(base() + "/ui/runs?status=completed&q=" + java.net.URLEncoder.encode(marker + " workflow",
                java.nio.charset.StandardCharsets.UTF_8));
        page.waitForSelector("#run-list tbody tr");
        assertThat(page.locator("#run-list tbody tr").evaluateAll("els => els.map(e => e.dataset.id)"))
                .isEqualTo(List.of(runId));
    }

    @Test
    void editing_a_workflow_shows_errors_at_their_line_and_a_save_stores_a_new_version() {
        TestServer.Response created = s.post("/api/v1/workflows", Map.of("title", "Edit me", "description", "first",
                "workflow_definition", Map.of("blocks", List.of(Map.of("id", "pause", "type", "wait",
                        "parameters", Map.of("seconds", 0))))), s.bootstrapKey);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String workflowId = created.json().at("/data/workflow_id").asText();
        signIn(s.bootstrapKey);
        page.navigate(base() + "/ui/workflows/" + workflowId);
        page.click("#edit-workflow");
        page.waitForURL("**/ui/workflows/" + workflowId + "/edit");
        String yaml = page.inputValue("textarea[name=definition]");
        assertThat(yaml).contains("title: Edit me").contains("seconds: 0");

        // An error in the second block shows at that block's line; nothing is stored.
        String broken = yaml.replace("blocks:\n", "blocks:\n  - id: later\n    type: wait\n    parameters:\n"
                + "      seconds: 99999\n");
        page.fill("textarea[name=definition]", broken);
        page.click("#save-workflow");
        int line = java.util.Arrays.asList(broken.split("\n")).indexOf("  - id: later") + 1;
        assertThat(line).isPositive();
        assertThat(page.locator("#definition-lines li[data-line='" + line + "'] .problem.error").innerText())
                .contains("seconds");
        assertThat(page.locator("#workflow-version").innerText()).isEqualTo("1");
        assertThat(s.get("/api/v1/workflows/" + workflowId).json().at("/data/version").asInt()).isEqualTo(1);

        // A JSON document is taken too; saving it stores version 2 and goes back to the workflow.
        page.fill("textarea[name=definition]", """
                {"title": "Edit me <b>again</b>", "description": "second",
                 "workflow_definition": {"blocks": [{"id": "pause", "type": "wait", "parameters": {"seconds": 1}}]}}
                """);
        page.click("#save-workflow");
        page.waitForURL("**/ui/workflows/" + workflowId);
        assertThat(page.locator("hgroup p").innerText()).contains("version 2");
        assertThat(page.locator("h1").innerText()).isEqualTo("Edit me <b>again</b>");
        assertThat(page.locator("#yaml").innerText()).contains("seconds: 1");
        assertThat(s.get("/api/v1/workflows/" + workflowId).json().at("/data/version").asInt()).isEqualTo(2);
        shot(page, "workflow-edited");
    }

    @Test
    void the_live_view_streams_jpeg_frames_while_a_task_runs_and_ends_with_409_after() throws Exception {
        TestServer.Response created = s.post("/api/v1/tasks", Map.of("url", animated.url(),
                "navigation_goal", "Watch the animation " + BUSY, "max_steps", 50));
        String taskId = created.json().at("/data/task_id").asText();
        awaitStatus(taskId, "running");
        // "running" comes with the claim; the browser may still be starting (409 until it is open)
        long deadline = System.nanoTime() + 120_000_000_000L;
        LiveFrames frames;
        do {
            frames = LiveFrames.read(base() + "/api/v1/tasks/" + taskId + "/live", s.bootstrapKey,
                    Duration.ofSeconds(3));
        } while (frames.status() == 409 && System.nanoTime() < deadline);
        // measured once the page has been open for a while
        frames = LiveFrames.read(base() + "/api/v1/tasks/" + taskId + "/live", s.bootstrapKey, Duration.ofSeconds(3));

        assertThat(frames.status()).isEqualTo(200);
        assertThat(frames.contentType()).startsWith("multipart/x-mixed-replace");
        // The stream keeps delivering frames while the page animates. Its rate (>= 5 fps) is measured by
        // LiveViewBenchmark, not asserted here: on a loaded 2-core CI host a timed bound only measures the host.
        assertThat(frames.jpegs()).as("JPEG frames in 3 s of an animating page").hasSizeGreaterThanOrEqualTo(3);
        assertThat(frames.jpegs().get(0)[0]).isEqualTo((byte) 0xFF);
        assertThat(frames.jpegs().get(0)[1]).isEqualTo((byte) 0xD8);

        signIn(s.bootstrapKey);
        page.navigate(base() + "/ui/tasks/" + taskId);
        page.waitForFunction("() => { const i = document.getElementById('live-view'); return i && i.naturalWidth > 0; }");
        int steps = page.locator("article.step").count();
        page.waitForFunction("n => document.querySelectorAll('article.step').length > n", steps,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        shot(page, "task-live");

        s.post("/api/v1/tasks/" + taskId + "/cancel", Map.of());
        awaitStatus(taskId, "canceled");
        TestServer.Response after = s.get("/api/v1/tasks/" + taskId + "/live");
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.errorCode()).isEqualTo("RUN_NOT_RUNNING");
        assertThat(s.get("/api/v1/tasks/tsk_nope/live").status()).isEqualTo(404);
    }

    @Test
    void a_workflow_runs_live_view_streams_the_browser_its_blocks_drive() throws Exception {
        TestServer.Response workflow = s.post("/api/v1/workflows", Map.of("title", "Watch",
                "workflow_definition", Map.of("blocks", List.of(Map.of("id", "watch", "type", "navigation",
                        "parameters", Map.of("url", animated.url(), "navigation_goal", "Watch the animation " + BUSY))))));
        assertThat(workflow.status()).as(workflow.text()).isEqualTo(201);
        String workflowId = workflow.json().at("/data/workflow_id").asText();
        TestServer.Response started = s.post("/api/v1/workflows/" + workflowId + "/runs", Map.of("parameters", Map.of()));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String runId = started.json().at("/data/workflow_run_id").asText();
        String live = base() + "/api/v1/workflows/" + workflowId + "/runs/" + runId + "/live";

        long deadline = System.nanoTime() + 120_000_000_000L;
        LiveFrames frames;
        do {
            frames = LiveFrames.read(live, s.bootstrapKey, Duration.ofSeconds(3));
        } while (frames.status() == 409 && System.nanoTime() < deadline);
        assertThat(frames.status()).isEqualTo(200);
        assertThat(frames.contentType()).startsWith("multipart/x-mixed-replace");
        assertThat(frames.jpegs()).as("JPEG frames of the block's browser").isNotEmpty();
        assertThat(frames.jpegs().get(0)[0]).isEqualTo((byte) 0xFF);

        s.post("/api/v1/workflows/" + workflowId + "/runs/" + runId + "/cancel", Map.of());
        long ended = System.nanoTime() + 60_000_000_000L;
        while (!s.get("/api/v1/workflows/" + workflowId + "/runs/" + runId).json().at("/data/status").asText()
                .equals("canceled")) {
            assertThat(System.nanoTime()).as("run %s never canceled", runId).isLessThan(ended);
            Thread.sleep(100);
        }
        TestServer.Response after = s.get("/api/v1/workflows/" + workflowId + "/runs/" + runId + "/live");
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.errorCode()).isEqualTo("RUN_NOT_RUNNING");
    }
}
