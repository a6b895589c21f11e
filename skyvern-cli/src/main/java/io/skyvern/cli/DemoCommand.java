package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.Skyvern;
import io.skyvern.cli.demo.DemoSite;
import io.skyvern.cli.demo.Recording;
import io.skyvern.cli.demo.ReplayLlmServer;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.task.CreateTaskRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code demo}: the whole machine at work without an LLM key or the internet. A small bookshop is
 * served on loopback, a replay server answers the LLM calls from a recording bundled with the CLI
 * (said plainly first), and one task runs in-process exactly as {@code run-task} runs it, in a
 * fresh data dir: browser, steps, screenshots, extraction. Same progress, result and exit statuses.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a demo task against a small bundled bookshop on 127.0.0.1.",
                "The LLM's answers are REPLAYED from a recording bundled with skyvern-cli: no LLM key needed."})
final class DemoCommand implements Callable<Integer> {
    static final String NOTICE = "DEMO: the LLM answers are REPLAYED from a recording bundled with skyvern-cli; "
            + "no LLM is called. Configure a real LLM (see README) to run your own tasks.";
    static final String GOAL = "Search the Harbor Books shop for books by Le Guin";
    static final String EXTRACT = "The title, author and price of every book in the search results";
    private static final String SCHEMA = "{\"type\":\"array\",\"items\":{\"type\":\"object\","
            + "\"required\":[\"title\",\"author\",\"price\"],\"properties\":{\"title\":{\"type\":\"string\"},"
            + "\"author\":{\"type\":\"string\"},\"price\":{\"type\":\"number\"}}}}";
    /** Not the BrowserLauncher's text verbatim (it is internal to core); the same three ways. */
    static final String NO_BROWSER = "the demo needs Chromium or Chrome, and none was found. Provide one: install "
            + "chromium (or google-chrome) on the PATH, set SKYVERN_BROWSER_EXECUTABLE to its binary, or set "
            + "SKYVERN_BROWSER_CDP_URL to a running browser's DevTools URL.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--keep", description = "Keep the demo's data dir (database, screenshots, prompts) and print where it is.")
    boolean keep;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "3m",
            description = "Cancel the demo task if it has not finished after DURATION (default 3m); exit status 3.")
    Duration timeout;

    @Option(names = "--browser-executable", paramLabel = "PATH", hidden = true,
            description = "Chromium/Chrome binary (default: SKYVERN_BROWSER_EXECUTABLE, then PATH).")
    String browserExecutable;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "300ms", hidden = true, description = "How often to poll the task.")
    Duration pollInterval;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        err.println(NOTICE);
        err.flush();
        Path dataDir = createDataDir();
        try (DemoSite site = DemoSite.start(); ReplayLlmServer llm = ReplayLlmServer.start(Recording.bundled())) {
            err.println("demo site: " + site.url() + "   replayed LLM: " + llm.baseUrl());
            err.println(keep ? "data dir: " + dataDir + " (kept)"
                    : "data dir: a temporary one, deleted at the end (--keep keeps it and prints where)");
            err.flush();
            int status = run(site, llm, dataDir);
            err.println("(" + llm.answered() + " LLM answer(s) replayed from the recording; no LLM was called)");
            if (keep) {
                err.println("data dir kept: " + dataDir);
            }
            err.flush();
            return status;
        } finally {
            if (!keep) {
                deleteQuietly(dataDir);
            }
        }
    }

    private int run(DemoSite site, ReplayLlmServer llm, Path dataDir) throws InterruptedException {
        try (ClientSession session = ConnectionOptions.local(overrides(llm, dataDir))) {
            Skyvern skyvern = session.local().orElseThrow();
            if (!skyvern.browserHealthy()) {
                spec.commandLine().getErr().println("skyvern-cli: " + NO_BROWSER);
                return ExitCodes.USAGE;
            }
            CreateTaskRequest request = CreateTaskRequest.builder(site.url(), GOAL).dataExtractionGoal(EXTRACT)
                    .extractedInformationSchema(schema()).maxSteps(5).build();
            int status = RunTaskCommand.follow(spec, session.client(), request, pollInterval, timeout, json, keep);
            if (!json) {
                printScreenshots(spec.commandLine().getOut(), dataDir);
            }
            return status;
        }
    }

    /** The screenshots as plain file paths: what a newcomer opens first. */
    private void printScreenshots(PrintWriter out, Path dataDir) {
        List<Path> shots;
        try (Stream<Path> files = Files.walk(dataDir.resolve("artifacts"))) {
            shots = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            shots = List.of();
        }
        if (keep) {
            out.println("screenshots:");
            shots.forEach(p -> out.println("  " + p));
        } else {
            out.println("screenshots: " + shots.size() + " taken (run the demo with --keep to keep them on disk)");
        }
        out.flush();
    }

    /** Everything the demo needs, winning over the user's environment and skyvern.properties. */
    private Map<ConfigKey, String> overrides(ReplayLlmServer llm, Path dataDir) {
        Map<ConfigKey, String> o = new EnumMap<>(ConfigKey.class);
        o.put(ConfigKey.DATA_DIR, dataDir.toString());
        o.put(ConfigKey.DATABASE_URL, "");
        o.put(ConfigKey.DATABASE_USER, "");
        o.put(ConfigKey.DATABASE_PASSWORD, "");
        o.put(ConfigKey.WORKERS, "1");
        o.put(ConfigKey.ALLOW_PRIVATE_NETWORK, "true");  // the demo site is on loopback
        o.put(ConfigKey.LLM_PROVIDER, "openai");
        o.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        o.put(ConfigKey.LLM_MODEL, "demo-replay");
        o.put(ConfigKey.LLM_API_KEY, "demo");
        // the recording reads the element tree, not the screenshot: no need to send images
        o.put(ConfigKey.LLM_VISION, "false");
        if (browserExecutable != null && !browserExecutable.isBlank()) {
            o.put(ConfigKey.BROWSER_EXECUTABLE, browserExecutable);
        }
        return o;
    }

    private static JsonNode schema() {
        try {
            return Json.mapper().readTree(SCHEMA);
        } catch (IOException e) {
            throw new IllegalStateException("The demo's schema is valid JSON", e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("skyvern-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data dir for the demo", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless; the demo's result matters more
        }
    }
}
