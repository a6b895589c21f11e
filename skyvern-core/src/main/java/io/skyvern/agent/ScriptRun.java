package io.skyvern.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The script side of one agent run: the script to replay (empty: run the agent) and the script
 * this run records as it goes (every action that ran, with its element's descriptor), read by the
 * caller after the run to save a script version. Also counts how the steps ran. Confined to the
 * run's thread until the run returns.
 */
public final class ScriptRun {
    private final List<ScriptStep> plan;
    private final List<ScriptStep> recorded = new ArrayList<>();
    private int replayed;
    private int healed;
    private int agent;
    private boolean diverged;

    private ScriptRun(List<ScriptStep> plan) {
        this.plan = List.copyOf(Objects.requireNonNull(plan, "plan"));
    }

    /** An agent run that records a script. */
    public static ScriptRun record() {
        return new ScriptRun(List.of());
    }

    /** A run that replays {@code plan}, healing steps that no longer fit, and records what ran. */
    public static ScriptRun replay(List<ScriptStep> plan) {
        return new ScriptRun(plan);
    }

    public List<ScriptStep> plan() {
        return plan;
    }

    /** What ran, as a script: replayed, healed and agent steps in order. */
    public List<ScriptStep> recorded() {
        return List.copyOf(recorded);
    }

    public int replayedSteps() {
        return replayed;
    }

    public int healedSteps() {
        return healed;
    }

    public int agentSteps() {
        return agent;
    }

    /** Whether the replay gave up on the script and the agent ran the rest. */
    public boolean diverged() {
        return diverged;
    }

    /** Whether the recorded script differs from the plan (a new version is worth saving). */
    public boolean changed() {
        return healed > 0 || agent > 0 || diverged || !recorded.equals(plan);
    }

    void startStep(String url, String title) {
        recorded.add(new ScriptStep(url, title, List.of()));
    }

    void add(ScriptAction action) {
        if (recorded.isEmpty()) {
            startStep("", "");
        }
        int last = recorded.size() - 1;
        recorded.set(last, recorded.get(last).plus(action));
    }

    /** Drops a started step that recorded no action (it failed before any ran). */
    void endStep(String mode) {
        if (!recorded.isEmpty() && recorded.get(recorded.size() - 1).actions().isEmpty()) {
            recorded.remove(recorded.size() - 1);
        }
        switch (mode) {
            case StepResult.REPLAYED -> replayed++;
            case StepResult.HEALED -> healed++;
            default -> agent++;
        }
    }

    void diverge() {
        diverged = true;
    }
}
