package io.skyvern.server.components;

import io.skyvern.Skyvern;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.server.ServerConfig;
import io.skyvern.server.SkyvernServer;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every component scenario of a test run shares, started once (the start is the slow part:
 * migrations, the browser): the fixture site ({@link ComponentSite}), a scripted model on a real
 * OpenAI-protocol server, and a real Skyvern behind a real {@link SkyvernServer} on a free port
 * (database of the backend under test, durable queue, two workers, Debian's Chromium). The model
 * routes each request to the {@link Scenario} whose tag is in the prompt. JUnit closes it when the
 * run ends. The completion check stays on: scenarios confirm it by default.
 */
final class SharedSkyvern implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private static final AtomicInteger SCENARIOS = new AtomicInteger();

    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final ComponentSite site;
    private final ScriptedLlmServer llm;
    private Skyvern skyvern;
    private SkyvernServer server;
    private final String apiKey = "sk_components_" + Long.toHexString(System.nanoTime());
    private boolean closed;

    private SharedSkyvern() {
        site = ComponentSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(this::route);
        llm.verifyWith(this::route);
    }

    static SharedSkyvern start() {
        SharedSkyvern shared = new SharedSkyvern();
        try {
            shared.startSkyvern();
            return shared;
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void startSkyvern() throws IOException {
        Path dataDir = Files.createTempDirectory("skyvern-components");
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        settings.put(ConfigKey.DATA_DIR, dataDir.toString());
        settings.put(ConfigKey.WORKERS, "2");
        settings.put(ConfigKey.LLM_PROVIDER, "openai");
        settings.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        settings.put(ConfigKey.LLM_API_KEY, "sk-scripted");
        settings.put(ConfigKey.LLM_MODEL, "scripted-model");
        settings.put(ConfigKey.LLM_VISION, "false");
        settings.put(ConfigKey.BROWSER_EXECUTABLE, Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "");
        settings.put(ConfigKey.ALLOW_PRIVATE_NETWORK, "true");
        settings.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, "2");
        skyvern = Skyvern.create(SkyvernConfig.load(settings).withDatabase(TestDatabases.fresh()));
        server = SkyvernServer.start(skyvern, ServerConfig.defaults().withPort(0).withBootstrapApiKey(apiKey)
                .withRateLimitPerMinute(100_000));
    }

    ComponentSite site() {
        return site;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    String apiKey() {
        return apiKey;
    }

    Scenario scenario(String name) {
        Scenario scenario = new Scenario(name + "-" + SCENARIOS.incrementAndGet() + "z");
        scenarios.put(scenario.tag(), scenario);
        return scenario;
    }

    private ScriptedReply route(RecordedRequest request) {
        String text = request.promptText();
        for (Scenario scenario : scenarios.values()) {
            if (text.contains("(ref " + scenario.tag() + ")")) {
                return scenario.answer(request);
            }
        }
        return ScriptedReply.error(500, "no scenario's tag in the prompt");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
            if (skyvern != null) {
                skyvern.close();
            }
        } finally {
            llm.close();
            site.close();
        }
    }
}
