package io.skyvern.server;

import io.skyvern.config.ConfigKey;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The live view's figures while a page animates: frames per second and bytes per second a viewer
 * receives, and the server JVM's CPU per frame (the CPU of a window with a viewer minus that of an
 * equal window without one, over the frames sent; Chromium's own encoding is in its process and
 * not counted). Run: {@code mvn -q -pl skyvern-server -am test-compile exec:java@live-bench}
 * ({@code -Dbench.seconds=N}, default 10).
 */
public final class LiveViewBenchmark {
    private LiveViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "";
        try (AnimatedSite site = AnimatedSite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            // The agent only waits: the page changes by itself, as a long-running task's page would.
            llm.whenExhausted(r -> ScriptedReply.delayed(1000, ScriptedReply.json(Map.of("actions", List.of(
                    Map.of("action_type", "wait", "seconds", 2, "reasoning", "watching"))))));
            try (TestServer s = TestServer.start(Map.of(ConfigKey.WORKERS, "1", ConfigKey.LLM_PROVIDER, "openai",
                    ConfigKey.LLM_BASE_URL, llm.baseUrl(), ConfigKey.LLM_API_KEY, "sk-scripted",
                    ConfigKey.LLM_MODEL, "scripted-model", ConfigKey.LLM_VISION, "false",
                    ConfigKey.BROWSER_EXECUTABLE, chromium, ConfigKey.ALLOW_PRIVATE_NETWORK, "true"))) {
                String taskId = s.post("/api/v1/tasks", Map.of("url", site.url(), "navigation_goal",
                        "Watch the animation", "max_steps", 50)).json().at("/data/task_id").asText();
                while (!"running".equals(s.get("/api/v1/tasks/" + taskId).json().at("/data/status").asText())) {
                    Thread.sleep(100);
                }
                Thread.sleep(3000);  // the page is open and animating
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long idleStart = os.getProcessCpuTime();
                Thread.sleep(seconds * 1000L);
                long idleCpu = os.getProcessCpuTime() - idleStart;
                long viewStart = os.getProcessCpuTime();
                LiveFrames frames = LiveFrames.read("http://127.0.0.1:" + s.server.port() + "/api/v1/tasks/"
                        + taskId + "/live", s.bootstrapKey, Duration.ofSeconds(seconds));
                long viewCpu = os.getProcessCpuTime() - viewStart;
                double cpuPerFrameMs = frames.jpegs().isEmpty() ? 0
                        : (viewCpu - idleCpu) / 1e6 / frames.jpegs().size();
                System.out.printf("live view over %.1f s while the page animates: %d frames, %.1f fps, %.0f kB/s "
                                + "(%.1f kB a frame), server CPU %.2f ms a frame (%.0f ms with a viewer, %.0f ms without, "
                                + "in-process viewer included), %d cores%n",
                        frames.seconds(), frames.jpegs().size(), frames.fps(), frames.bytes() / frames.seconds() / 1000,
                        frames.jpegs().isEmpty() ? 0 : frames.bytes() / 1000.0 / frames.jpegs().size(), cpuPerFrameMs,
                        viewCpu / 1e6, idleCpu / 1e6, Runtime.getRuntime().availableProcessors());
                s.post("/api/v1/tasks/" + taskId + "/cancel", Map.of("force", true));
            }
        }
    }
}
