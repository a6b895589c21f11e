package io.skyvern.execution;

import io.skyvern.Skyvern;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A whole product for end-to-end runs: the fixture site, a scripted LLM, and a Skyvern with two
 * workers, real Chromium and a fresh database. One per test, closed by the test.
 */
final class ExecutionTestBed implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";

    final FixtureSite site;
    final ScriptedLlmServer llm;
    /** Replaced by {@link #restart}. */
    Skyvern skyvern;
    final SkyvernConfig config;
    final Path dataDir;
    final String org;
    final String signingKey;

    private ExecutionTestBed(FixtureSite site, ScriptedLlmServer llm, SkyvernConfig config, Path dataDir) {
        this.config = config;
        Skyvern skyvern = Skyvern.create(config);
        this.site = site;
        this.llm = llm;
        this.skyvern = skyvern;
        this.dataDir = dataDir;
        var created = skyvern.organizations().create("Execution IT");
        this.org = created.organization().organizationId();
        this.signingKey = created.organization().webhookSigningKey();
    }

    static ExecutionTestBed start() {
        return start(Map.of());
    }

    /** {@code overrides} win over the test defaults (e.g. a short TASK_TIMEOUT_SECONDS, no LLM_MODEL). */
    static ExecutionTestBed start(Map<ConfigKey, String> overrides) {
        try {
            Path dataDir = Files.createTempDirectory("skyvern-exec-it");
            FixtureSite site = FixtureSite.start();
            ScriptedLlmServer llm = ScriptedLlmServer.start();
            SkyvernConfig config = new SkyvernConfigLoader(Map.of(), dataDir).load(settings(dataDir, llm, overrides))
                    .withDatabase(TestDatabases.fresh());
            return new ExecutionTestBed(site, llm, config, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<ConfigKey, String> settings(Path dataDir, ScriptedLlmServer llm, Map<ConfigKey, String> overrides) {
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.DATA_DIR, dataDir.toString());
        s.put(ConfigKey.WORKERS, "2");
        s.put(ConfigKey.LLM_PROVIDER, "openai");
        s.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        s.put(ConfigKey.LLM_API_KEY, "sk-scripted");
        s.put(ConfigKey.LLM_MODEL, "scripted-model");
        s.put(ConfigKey.LLM_VISION, "false");
        s.put(ConfigKey.BROWSER_EXECUTABLE, Files.isExecutable(Path.of(CHROMIUM)) ? CHROMIUM : "");
        s.put(ConfigKey.ALLOW_PRIVATE_NETWORK, "true");
        s.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, "2");
        s.putAll(overrides);
        if ("".equals(s.get(ConfigKey.LLM_MODEL))) {
            s.remove(ConfigKey.LLM_MODEL);
        }
        return s;
    }

    /** Closes the running Skyvern and starts another over the same database and data dir. */
    Skyvern restart(int workers) {
        skyvern.close();
        skyvern = Skyvern.create(config.withWorkers(workers));
        return skyvern;
    }

    Task run(CreateTaskRequest request) {
        return await(skyvern.tasks().create(org, request).taskId(), Duration.ofSeconds(60));
    }

    Task await(String taskId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Task t = skyvern.tasks().get(org, taskId);
            if (t.status().isFinal()) {
                return t;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Task " + taskId + " still " + t.status().wireName() + " after " + timeout);
            }
            sleep(50);
        }
    }

    /** Waits until the run of the task is no longer executing on this node. */
    void awaitRunEnded(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (skyvern.runsInFlight() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer of actions: each given as alternating keys and values. */
    @SafeVarargs
    static ScriptedReply actions(Map<String, Object>... actions) {
        return ScriptedReply.json(Map.of("actions", Arrays.asList(actions)));
    }

    static Map<String, Object> act(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action_type", type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        m.putIfAbsent("reasoning", "scripted " + type);
        return m;
    }

    static ScriptedReply extracted(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("extracted_information", value);
        return ScriptedReply.json(m);
    }

    /** Element id in the current prompt for a regex whose group 1 captures it. */
    /**
     * Scripts the model through the fixture site's login page (username, the payload's password
     * secret, Sign in), then completion and an extraction of the account number.
     */
    void scriptLogin() {
        llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*placeholder=\"Your username\"").apply(r),
                        "text", "alice"),
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"password\"").apply(r),
                        "text", "{{secret:login.password}}"),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Sign in").apply(r))));
        llm.reply(actions(act("complete")));
        llm.respond(r -> extracted(Map.of("account_number", r.find("(ACC-\\d+)").orElse("none"))));
    }

    /** A new browser session in which a task has logged alice in (asserted). */
    String loggedInBrowserSession() throws IOException {
        String session = skyvern.browserSessions().create(org, 30).browserSessionId();
        scriptLogin();
        Task login = run(CreateTaskRequest.builder(site.url("/login"), "Log in").dataExtractionGoal("The account number")
                .navigationPayload(loginPayload()).browserSessionId(session).build());
        if (login.status() != io.skyvern.task.TaskStatus.COMPLETED) {
            throw new AssertionError("login task ended " + login.status() + ": " + login.failureReason());
        }
        return session;
    }

    /** The navigation payload {@link #scriptLogin} expects: alice and her password. */
    static com.fasterxml.jackson.databind.JsonNode loginPayload() throws IOException {
        return io.skyvern.common.Json.mapper().readTree("{\"login\":{\"username\":\"alice\",\"password\":\""
                + FixtureSite.PASSWORD + "\"}}");
    }

    static Function<RecordedRequest, String> id(String regex) {
        return r -> r.find(regex).orElseThrow(() -> new AssertionError("no match for " + regex + " in:\n"
                + r.lastUserText()));
    }

    /** How each step of a task ran, in step order: agent, replayed or healed. */
    List<String> stepModes(io.skyvern.task.Task task) {
        var modes = skyvern.scripts().stepModes(task.taskId());
        return skyvern.tasks().steps(org, task.taskId(), io.skyvern.task.StepQuery.all()).stream()
                .map(s -> modes.getOrDefault(s.step().stepId(), "agent")).toList();
    }

    /** Every file under the data dir's artifacts, as text (for leak scans). */
    List<String> artifactTexts() {
        List<String> texts = new ArrayList<>();
        try (var files = Files.walk(dataDir)) {
            files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/db/")).forEach(p -> {
                try {
                    texts.add(p + "\n" + new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Override
    public void close() {
        try {
            skyvern.close();
        } finally {
            llm.close();
            site.close();
            io.skyvern.testing.TempDirs.delete(dataDir);
        }
    }
}
