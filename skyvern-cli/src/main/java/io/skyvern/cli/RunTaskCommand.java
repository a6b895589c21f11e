package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run-task}: creates a task, follows it to the end with live progress on stderr, prints the
 * result on stdout. Exit status: 0 completed, 1 failed or terminated, 3 canceled or timed out
 * (including {@code --timeout} and Ctrl-C, which cancel the task first).
 */
@Command(name = "run-task", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one task: an agent drives a browser on URL until GOAL is met.")
final class RunTaskCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Page to start on.")
    String url;

    @Option(names = "--goal", required = true, paramLabel = "GOAL", description = "What to achieve, in plain words.")
    String goal;

    @Option(names = "--extract", paramLabel = "TEXT", description = "What information to extract at the end.")
    String extract;

    @Option(names = "--schema", paramLabel = "FILE|JSON", description = "JSON schema of the extracted information.")
    String schema;

    @Option(names = "--payload", paramLabel = "JSON|@FILE", description = "User data the agent may type into forms.")
    String payload;

    @Option(names = "--max-steps", paramLabel = "N", description = "Give up after N steps (default: configured).")
    Integer maxSteps;

    @Option(names = "--webhook", paramLabel = "URL", description = "URL to notify when the task ends.")
    String webhook;

    @Option(names = "--browser-session", paramLabel = "ID", description = "Run in this persistent browser session.")
    String browserSession;

    @Option(names = "--mode", paramLabel = "agent|auto|replay",
            description = "agent: always the model; auto: replay the recorded script when there is one, else record "
                    + "one; replay: the script only (fails at once without one). Default: configured (agent).")
    String mode;

    @Option(names = "--cache-key", paramLabel = "TEMPLATE",
            description = "The script's cache key, e.g. '{{ site }}-login' (default: derived from URL, goal and the "
                    + "payload's key names).")
    String cacheKey;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Cancel the task if it has not finished after DURATION (e.g. 90s, 5m); exit status 3.")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "400ms", hidden = true, description = "How often to poll the task.")
    Duration pollInterval;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws InterruptedException {
        CreateTaskRequest request = request();
        try (ClientSession session = connection.open(true)) {
            return follow(spec, session.client(), request, pollInterval, timeout, output.json, true);
        }
    }

    /**
     * Creates the task and follows it to the end exactly as {@code run-task} does (live progress on
     * stderr, Ctrl-C cancels, the result on stdout); returns the exit status. Shared with {@code demo}.
     */
    static int follow(CommandLine.Model.CommandSpec spec, SkyvernClient client, CreateTaskRequest request,
                      Duration pollInterval, Duration timeout, boolean json, boolean listArtifacts)
            throws InterruptedException {
        Task task = client.createTask(request);
        TaskWatcher watcher = new TaskWatcher(client, task, pollInterval, timeout,
                new ProgressPrinter(spec.commandLine().getErr()));
        Thread hook = new Thread(() -> onInterrupt(spec, watcher, json), "skyvern-cli-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = watcher.watch();
        } finally {
            removeHook(hook);
        }
        if (watcher.interrupted()) {
            // Ctrl-C: the shutdown hook reports the outcome and ends the process with status 3
            new CountDownLatch(1).await();
        }
        outcome.print(spec.commandLine().getOut(), json, listArtifacts);
        return outcome.exitCode();
    }

    /**
     * Ctrl-C: cancel, wait for the cancel to land, print the result, and exit with status 3 (the
     * JVM's own status after a signal would be 130, which the exit-status contract does not know).
     */
    private static void onInterrupt(CommandLine.Model.CommandSpec spec, TaskWatcher watcher, boolean json) {
        watcher.cancelOnInterrupt();
        if (!watcher.interrupted()) {
            return;
        }
        try {
            watcher.outcomeNow().print(spec.commandLine().getOut(), json);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("skyvern-cli: " + e.getMessage());
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            // halt, not exit: System.exit would wait for this very hook; the database has committed
            Runtime.getRuntime().halt(ExitCodes.CANCELED);
        }
    }

    private CreateTaskRequest request() {
        return CreateTaskRequest.builder(url, goal)
                .dataExtractionGoal(extract)
                .extractedInformationSchema(JsonArgument.read("--schema", schema, true))
                .navigationPayload(JsonArgument.read("--payload", payload, false))
                .maxSteps(maxSteps)
                .webhookCallbackUrl(webhook)
                .browserSessionId(browserSession)
                .runMode(mode == null ? null : parseMode(mode))
                .cacheKey(cacheKey)
                .build();
    }

    static io.skyvern.common.RunMode parseMode(String value) {
        try {
            return io.skyvern.common.RunMode.parse(value);
        } catch (io.skyvern.common.SkyvernException e) {
            throw new UsageException("--mode must be agent, auto or replay (got '" + value + "')");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook is running and does the cancel
        }
    }
}
