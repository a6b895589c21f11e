package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.common.SkyvernException;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmJson;
import io.skyvern.llm.LlmRequest;
import io.skyvern.llm.LlmResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The step loop: snapshot the page, ask the model for actions, execute them, record the step;
 * until the model completes or terminates, the step budget runs out, the run is canceled or its
 * deadline passes. It works on a session it is given (a task's own, or a workflow run's shared
 * one) and never closes it. Every text that leaves through the recorder is redacted.
 * Thread-safe: one loop object serves many runs; each run uses its own session.
 */
public final class AgentLoop {
    private final LlmClient llm;
    private final PromptBuilder prompts;
    private final ActionParser parser;
    private final Extractor extractor;
    private final Clock clock;
    private final boolean vision;

    public AgentLoop(LlmClient llm, Clock clock, boolean vision) {
        this.llm = llm;
        this.prompts = new PromptBuilder();
        this.parser = new ActionParser();
        this.extractor = new Extractor(llm, prompts);
        this.clock = clock;
        this.vision = vision;
    }

    public Extractor extractor() {
        return extractor;
    }

    public AgentResult run(AgentGoal goal, BrowserSession session, RunControl control, RunRecorder recorder,
                           Path downloadDir) {
        PayloadSecrets secrets = goal.secrets();
        Set<Path> uploads = UploadOffer.filesOffered(goal.navigationPayload());
        ActionExecutor executor = new ActionExecutor(downloadDir);
        RunState state = new RunState();
        try {
            if (goal.url() != null && !goal.url().isBlank()) {
                session.navigate(goal.url());
                recorder.log("INFO", "Opened " + goal.url());
            }
            for (int step = recorder.stepsAlreadyTaken() + 1; step <= goal.maxSteps(); step++) {
                Optional<AgentResult> stop = stopRequested(control, state);
                if (stop.isPresent()) {
                    return stop.get();
                }
                Optional<AgentResult> end = runStep(step, goal, session, control, recorder, executor, secrets, uploads, state);
                if (end.isPresent()) {
                    return end.get();
                }
            }
            recorder.log("WARN", "Reached max_steps (" + goal.maxSteps() + ")");
            return new AgentResult.Failed("Reached max_steps (" + goal.maxSteps()
                    + ") without completing the goal", state.usage);
        } catch (SkyvernException e) {
            Optional<AgentResult> stop = stopRequested(control, state);
            if (stop.isPresent()) {
                return stop.get();   // a force cancel closes the page under us: that is a cancel, not a failure
            }
            String reason = secrets.redact(e.getMessage());
            recorder.log("ERROR", reason);
            return new AgentResult.Failed(reason, state.usage);
        }
    }

    private Optional<AgentResult> stopRequested(RunControl control, RunState state) {
        if (control.cancelRequested()) {
            return Optional.of(new AgentResult.Canceled("Canceled", state.usage));
        }
        if (control.deadline().map(d -> !clock.instant().isBefore(d)).orElse(false)) {
            return Optional.of(new AgentResult.TimedOut("The run exceeded its time limit", state.usage));
        }
        return Optional.empty();
    }

    private Optional<AgentResult> runStep(int stepNumber, AgentGoal goal, BrowserSession session, RunControl control,
                                          RunRecorder recorder, ActionExecutor executor, PayloadSecrets secrets,
                                          Set<Path> uploads, RunState state) {
        String stepId = recorder.startStep(stepNumber, session.currentUrl());
        StepMeter meter = new StepMeter();
        long t0 = System.nanoTime();
        PageSnapshot snapshot = session.snapshot();
        byte[] screenshot = session.screenshot();
        meter.snapshotMs = millisSince(t0);
        String tree = secrets.redact(snapshot.renderedTree());
        recorder.artifact(stepId, ArtifactType.SCREENSHOT_BEFORE, screenshot);
        recorder.artifact(stepId, ArtifactType.ELEMENT_TREE, utf8(tree));
        AgentPrompt prompt = prompts.actionPrompt(new StepContext(goal.navigationGoal(), goal.dataExtractionGoal(),
                secrets.maskedPayload(), goal.errorCodeMapping(), snapshot.url(), snapshot.title(), tree,
                state.previous, stepNumber, goal.maxSteps()));
        recorder.artifact(stepId, ArtifactType.LLM_PROMPT, utf8(prompt.system() + "\n\n" + prompt.user()));
        List<Action> actions;
        try {
            actions = askForActions(prompt, screenshot, stepId, recorder, secrets, meter, state);
        } catch (LlmOutputException e) {
            recorder.finishStep(stepId, meter.result(false, e.getMessage(), null));
            return Optional.of(new AgentResult.Failed(e.getMessage(), state.usage.plusStep()));
        }
        state.usage = state.usage.plusStep();
        List<ActionOutcome> outcomes = new ArrayList<>();
        JsonNode stepOutput = null;
        for (int i = 0; i < actions.size(); i++) {
            Optional<AgentResult> stop = stopRequested(control, state);
            if (stop.isPresent()) {
                recorder.finishStep(stepId, meter.result(false, "Stopped: " + stop.get().getClass().getSimpleName(), null));
                return stop;
            }
            Action action = redacted(actions.get(i), secrets);
            long a0 = System.nanoTime();
            if (action instanceof Action.Complete) {
                recorder.action(stepId, i, action, ActionOutcome.ok(action, "goal complete", 0));
                return Optional.of(complete(goal, session, stepId, recorder, secrets, meter, state));
            }
            if (action instanceof Action.Terminate terminate) {
                recorder.action(stepId, i, action, ActionOutcome.ok(action, "terminated", 0));
                recorder.finishStep(stepId, meter.result(true, null, null));
                String code = terminate.errorCode() != null && goal.errorCodeMapping().containsKey(terminate.errorCode())
                        ? terminate.errorCode() : null;
                return Optional.of(new AgentResult.Terminated(terminate.reason(), code, state.usage));
            }
            ActionOutcome outcome;
            if (action instanceof Action.Extract) {
                Extractor.Extraction extraction = extract(goal, session, stepId, recorder, secrets, state);
                stepOutput = extraction.data();
                outcome = extraction.succeeded() ? ActionOutcome.ok(action, "extracted", millisSince(a0))
                        : ActionOutcome.failed(action, extraction.failureReason(), millisSince(a0));
            } else {
                outcome = executor.execute(action, session, secrets, uploads);
            }
            meter.actionMs += outcome.durationMs();
            recorder.action(stepId, i, action, outcome);
            outcome.download().ifPresent(file -> recorder.artifact(stepId, ArtifactType.DOWNLOAD, readAll(file)));
            outcomes.add(outcome);
            if (!outcome.success()) {
                break;  // the page may no longer be what the model planned for: look again
            }
        }
        recorder.artifact(stepId, ArtifactType.SCREENSHOT_AFTER, session.screenshot());
        recorder.finishStep(stepId, meter.result(true, null, stepOutput));
        state.previous = outcomes;
        return Optional.empty();
    }

    private List<Action> askForActions(AgentPrompt prompt, byte[] screenshot, String stepId, RunRecorder recorder,
                                       PayloadSecrets secrets, StepMeter meter, RunState state) {
        String problem = null;
        String previousAnswer = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            LlmRequest.Builder request = LlmRequest.builder().system(prompt.system());
            if (vision) {
                request.user(prompt.user(), screenshot);
            } else {
                request.user(prompt.user());
            }
            if (problem != null) {
                request.assistant(previousAnswer).user("Your answer could not be used: " + problem
                        + ". Answer again with JSON only: {\"actions\":[...]}.");
            }
            long l0 = System.nanoTime();
            LlmResponse response = llm.complete(request.jsonOutput(true).build());
            meter.llmMs += millisSince(l0);
            meter.add(response);
            state.usage = state.usage.plus(response.inputTokens(), response.outputTokens(), response.cost());
            recorder.artifact(stepId, ArtifactType.LLM_RESPONSE, utf8(secrets.redact(response.text())));
            try {
                return parser.parse(LlmJson.parse(response.text()));
            } catch (LlmOutputException | SkyvernException e) {
                problem = e.getMessage();
                previousAnswer = response.text();
                recorder.log("WARN", "Unusable model answer (attempt " + attempt + "): " + problem);
            }
        }
        throw new LlmOutputException("The model's answer could not be used twice: " + problem);
    }

    private AgentResult complete(AgentGoal goal, BrowserSession session, String stepId, RunRecorder recorder,
                                 PayloadSecrets secrets, StepMeter meter, RunState state) {
        if (!goal.wantsExtraction()) {
            recorder.finishStep(stepId, meter.result(true, null, null));
            return new AgentResult.Completed(null, state.usage);
        }
        Extractor.Extraction extraction = extract(goal, session, stepId, recorder, secrets, state);
        recorder.finishStep(stepId, meter.result(true, extraction.failureReason(), extraction.data()));
        return extraction.succeeded() ? new AgentResult.Completed(extraction.data(), state.usage)
                : new AgentResult.Failed(extraction.failureReason(), state.usage);
    }

    private Extractor.Extraction extract(AgentGoal goal, BrowserSession session, String stepId, RunRecorder recorder,
                                         PayloadSecrets secrets, RunState state) {
        PageSnapshot snapshot = session.snapshot();
        String goalText = goal.wantsExtraction() ? goal.dataExtractionGoal() : goal.navigationGoal();
        Extractor.Extraction extraction = extractor.extract(goalText, goal.extractedInformationSchema(), snapshot.url(),
                secrets.redact(snapshot.renderedTree()), secrets);
        state.usage = state.usage.plus(extraction.inputTokens(), extraction.outputTokens(), extraction.cost());
        extraction.prompts().forEach(p -> recorder.artifact(stepId, ArtifactType.LLM_PROMPT, utf8(p)));
        extraction.answers().forEach(a -> recorder.artifact(stepId, ArtifactType.EXTRACTION, utf8(a)));
        return extraction;
    }

    /** The action as recorded: any real secret the model typed is replaced by its placeholder. */
    private static Action redacted(Action action, PayloadSecrets secrets) {
        if (action instanceof Action.InputText input) {
            return new Action.InputText(input.elementId(), secrets.redact(input.text()), input.reasoning());
        }
        return action;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return utf8("download could not be read: " + e.getMessage());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Mutable state of one run, confined to the thread running it. */
    private static final class RunState {
        AgentUsage usage = AgentUsage.ZERO;
        List<ActionOutcome> previous = List.of();
    }

    /** Tokens, cost and timings of one step, confined to the thread running it. */
    private static final class StepMeter {
        long inputTokens;
        long outputTokens;
        double cost;
        long llmMs;
        long snapshotMs;
        long actionMs;

        void add(LlmResponse response) {
            inputTokens += response.inputTokens();
            outputTokens += response.outputTokens();
            cost += response.cost();
        }

        StepResult result(boolean completed, String failureReason, JsonNode output) {
            return new StepResult(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs,
                    actionMs, output);
        }
    }
}
