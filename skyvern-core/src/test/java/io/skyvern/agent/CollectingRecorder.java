package io.skyvern.agent;

import io.skyvern.artifact.ArtifactType;

import java.util.ArrayList;
import java.util.List;

/** A recorder that keeps what the loop reports in lists, for assertions. Single-threaded. */
final class CollectingRecorder implements RunRecorder {
    record Recorded(String stepId, int order, Action action, ActionOutcome outcome) {
    }

    final List<Recorded> actions = new ArrayList<>();
    final List<StepResult> finished = new ArrayList<>();
    final List<ArtifactType> artifacts = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    private int started;

    @Override
    public String startStep(int order, String url) {
        started++;
        return "stp_" + order;
    }

    @Override
    public void action(String stepId, int order, Action action, ActionOutcome outcome) {
        actions.add(new Recorded(stepId, order, action, outcome));
    }

    @Override
    public void artifact(String stepId, ArtifactType type, byte[] content) {
        artifacts.add(type);
    }

    @Override
    public void finishStep(String stepId, StepResult result) {
        finished.add(result);
    }

    @Override
    public void log(String level, String message) {
        logs.add(level + " " + message);
    }

    int started() {
        return started;
    }

    List<String> messages() {
        return actions.stream().map(a -> a.action().type().wireName() + ": " + a.outcome().message()).toList();
    }
}
