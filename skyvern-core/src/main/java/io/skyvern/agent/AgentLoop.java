package io.skyvern.agent;

import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementBox;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SetOfMarks;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmContent;
import io.skyvern.llm.LlmMessage;
import io.skyvern.llm.LlmRole;
import io.skyvern.llm.LlmJson;
import io.skyvern.llm.LlmRequest;
import io.skyvern.llm.LlmResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The step loop. Each step runs in four phases: <b>observe</b> (let the page settle, snapshot every
 * frame of the current tab, screenshot), <b>decide</b> (prompt with the goal, the run's history and
 * the model's notes; parse the answer), <b>act</b> ({@link StepActor}: run the actions, stopping
 * when the page changes under the plan; {@code complete} passes the {@link CompletionVerifier})
 * and <b>record</b> (one place finishes the step and adds it to the history). It goes on until the
 * model completes or terminates, the step budget runs out, the run is canceled or its deadline
 * passes. It works on a session it is given (a task's own, or a workflow run's shared one) and
 * never closes it. Every text that leaves through the recorder is redacted.
 * Thread-safe: one loop object serves many runs; each run uses its own session.
 */
public final class AgentLoop {
    private final LlmClient llm;
    private final PromptBuilder prompts;
    private final ActionParser parser;
    private final Extractor extractor;
    private final StepActor actor;
    private final Replayer replayer;
    private final Clock clock;
    private final AgentOptions options;

    /** With the completion check on, as the product runs by default. */
    public AgentLoop(LlmClient llm, Clock clock, boolean vision) {
        this(llm, clock, new AgentOptions(vision, true, RunHistory.DEFAULT_MAX_CHARS));
    }

    public AgentLoop(LlmClient llm, Clock clock, AgentOptions options) {
        this.llm = llm;
        this.prompts = new PromptBuilder();
        this.parser = new ActionParser();
        this.extractor = new Extractor(llm, prompts);
        this.clock = clock;
        this.options = options;
        this.actor = new StepActor(extractor, new CompletionVerifier(llm), options, this::stopRequested);
        this.replayer = new Replayer(actor, this::stopRequested);
    }

    public Extractor extractor() {
        return extractor;
    }

    public AgentResult run(AgentGoal goal, BrowserSession session, RunControl control, RunRecorder recorder,
                           Path downloadDir) {
        return run(goal, session, control, recorder, downloadDir, ScriptRun.record());
    }

    /**
     * A run with a script: {@link ScriptRun#replay replays} one (healing what changed, the agent taking
     * over when the run diverges) or only records one; either way {@code script} holds what ran.
     */
    public AgentResult run(AgentGoal goal, BrowserSession session, RunControl control, RunRecorder recorder,
                           Path downloadDir, ScriptRun script) {
        AgentRun run = new AgentRun(goal, session, control, recorder, downloadDir, options.historyChars(), script);
        try {
            if (goal.url() != null && !goal.url().isBlank()) {
                // a replay does not wait for the first page to settle: it looks for each element as it appears
                session.navigate(goal.url(), script.plan().isEmpty());
                recorder.log("INFO", "Opened " + goal.url());
            }
            int first = recorder.stepsAlreadyTaken() + 1;
            if (!script.plan().isEmpty()) {
                Replayer.Outcome replayed = replayer.replay(run, first, (step, mode) -> runStep(step, run, mode));
                if (replayed.end().isPresent()) {
                    return replayed.end().get();
                }
                first = replayed.nextStep();
            }
            for (int step = first; step <= goal.maxSteps(); step++) {
                Optional<AgentResult> stop = stopRequested(run);
                if (stop.isPresent()) {
                    return stop.get();
                }
                Optional<AgentResult> end = runStep(step, run, StepResult.AGENT);
                if (end.isPresent()) {
                    return end.get();
                }
            }
            recorder.log("WARN", "Reached max_steps (" + goal.maxSteps() + ")");
            return new AgentResult.Failed("Reached max_steps (" + goal.maxSteps()
                    + ") without completing the goal", run.usage);
        } catch (SkyvernException e) {
            Optional<AgentResult> stop = stopRequested(run);
            if (stop.isPresent()) {
                return stop.get();   // a force cancel closes the page under us: that is a cancel, not a failure
            }
            String reason = run.secrets.redact(e.getMessage());
            recorder.log("ERROR", reason);
            return new AgentResult.Failed(reason, run.usage);
        }
    }

    Optional<AgentResult> stopRequested(AgentRun run) {
        if (run.control.cancelRequested()) {
            return Optional.of(new AgentResult.Canceled("Canceled", run.usage));
        }
        if (run.control.deadline().map(d -> !clock.instant().isBefore(d)).orElse(false)) {
            return Optional.of(new AgentResult.TimedOut("The run exceeded its time limit", run.usage));
        }
        return Optional.empty();
    }

    /**
     * Stops the run's thread when a forced cancel interrupted it: nothing more may be written from
     * it (an interrupted write makes the embedded database close its file), and the executor closes
     * the open step once it has cleared the flag.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "The run was interrupted");
        }
    }

    /** One step through its four phases; the {@code finally} is the one place a step is finished. */
    private Optional<AgentResult> runStep(int stepNumber, AgentRun run, String mode) {
        String startUrl = run.session.currentUrl();
        String stepId = run.recorder.startStep(stepNumber, startUrl);
        StepMeter meter = new StepMeter();
        ModelAnswer answer = new ModelAnswer(List.of(), "");
        StepEnd end = StepEnd.failed("The step stopped unexpectedly", List.of());
        try {
            Observation seen = observe(stepId, run, meter);
            try {
                answer = decide(stepId, stepNumber, seen, run, meter);
            } catch (LlmOutputException e) {
                end = StepEnd.ended(false, e.getMessage(), null, List.of(), new AgentResult.Failed(e.getMessage(),
                        run.usage.plusStep()));
                return end.runResult();
            }
            run.usage = run.usage.plusStep();
            end = actor.act(stepId, answer.actions(), seen, run, meter);
            return end.runResult();
        } catch (RuntimeException e) {
            end = StepEnd.failed(run.secrets.redact(String.valueOf(e.getMessage())), end.outcomes());
            throw e;
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                record(stepId, stepNumber, startUrl, answer, end, meter, run, mode);
            }
        }
    }

    /** The page as it is now, after it settled, with the events since the last step's actions. */
    record Observation(PageSnapshot snapshot, String tree, byte[] screenshot, List<String> pageEvents,
                       Optional<SetOfMarks.Marked> forModel) {
    }

    private Observation observe(String stepId, AgentRun run, StepMeter meter) {
        List<String> events = StepActor.report(run.session.drainEvents(), stepId, run);
        long t0 = System.nanoTime();
        PageSnapshot snapshot = run.session.snapshot();
        byte[] screenshot = run.session.screenshot();
        meter.snapshot(millisSince(t0), snapshot.settle());
        String tree = run.secrets.redact(snapshot.renderedTree());
        run.recorder.artifact(stepId, ArtifactType.SCREENSHOT_BEFORE, screenshot);
        run.recorder.artifact(stepId, ArtifactType.ELEMENT_TREE, utf8(tree));
        Optional<SetOfMarks.Marked> forModel = options.vision()
                ? Optional.of(SetOfMarks.draw(screenshot, boxes(run.session))) : Optional.empty();
        return new Observation(snapshot, tree, screenshot, events, forModel);
    }

    /** The on-screen elements to mark; none when the page cannot say (it navigated meanwhile). */
    private static List<ElementBox> boxes(BrowserSession session) {
        try {
            return session.visibleBoxes();
        } catch (SkyvernException e) {
            return List.of();
        }
    }

    private ModelAnswer decide(String stepId, int stepNumber, Observation seen, AgentRun run, StepMeter meter) {
        AgentGoal goal = run.goal;
        AgentPrompt prompt = prompts.actionPrompt(new StepContext(goal.navigationGoal(), goal.dataExtractionGoal(),
                run.secrets.maskedPayload(), goal.errorCodeMapping(), seen.snapshot().url(), seen.snapshot().title(),
                seen.tree(), run.history.renderSteps(), run.history.renderNotes(), seen.pageEvents(),
                seen.snapshot().tabs(), stepNumber, goal.maxSteps()));
        run.recorder.artifact(stepId, ArtifactType.LLM_PROMPT, utf8(prompt.system() + "\n\n" + prompt.user()));
        String problem = null;
        String previousAnswer = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            LlmRequest.Builder request = LlmRequest.builder().system(prompt.system());
            if (seen.forModel().isPresent()) {
                SetOfMarks.Marked image = seen.forModel().get();
                request.message(new LlmMessage(LlmRole.USER, List.of(new LlmContent.Text(prompt.user()),
                        new LlmContent.Image(image.bytes(), image.mediaType()))));
                meter.image(image.bytes().length);
            } else {
                request.user(prompt.user());
            }
            if (problem != null) {
                request.assistant(previousAnswer).user("Your answer could not be used: " + problem
                        + ". Answer again with JSON only: {\"actions\":[...]}.");
            }
            long l0 = System.nanoTime();
            LlmResponse response = llm.complete(request.jsonOutput(true).build());
            meter.llmCall(response, millisSince(l0));
            run.addUsage(response.inputTokens(), response.outputTokens(), response.cost());
            run.recorder.artifact(stepId, ArtifactType.LLM_RESPONSE, utf8(run.secrets.redact(response.text())));
            try {
                ModelAnswer parsed = parser.parseAnswer(LlmJson.parse(response.text()));
                return new ModelAnswer(parsed.actions(), run.secrets.redact(parsed.memory()));
            } catch (LlmOutputException | SkyvernException e) {
                problem = e.getMessage();
                previousAnswer = response.text();
                run.recorder.log("WARN", "Unusable model answer (attempt " + attempt + "): " + problem);
            }
        }
        throw new LlmOutputException("The model's answer could not be used twice: " + problem);
    }

    /** The one place a step ends: its record, its screenshot after, and its line in the history. */
    private void record(String stepId, int stepNumber, String startUrl, ModelAnswer answer, StepEnd end,
                        StepMeter meter, AgentRun run, String mode) {
        try {
            if (end.runResult().isEmpty() && end.completed()) {
                StepActor.keepScreenshot(stepId, stepNumber, ArtifactType.SCREENSHOT_AFTER, run);
            }
        } finally {
            boolean stopped = end.runResult().filter(r -> r instanceof AgentResult.Canceled
                    || r instanceof AgentResult.TimedOut).isPresent();
            run.recorder.finishStep(stepId, meter.result(end.completed(), end.failureReason(), end.output(), stopped, mode));
            run.history.add(stepNumber, startUrl, end.outcomes(), answer.memory());
            run.script.endStep(mode);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
