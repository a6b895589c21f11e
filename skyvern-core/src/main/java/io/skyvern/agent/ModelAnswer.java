package io.skyvern.agent;

import java.util.List;
import java.util.Objects;

/**
 * One parsed answer of the model: the actions to run and the note it chose to keep for later steps
 * ({@code "memory"} in its JSON; empty when it kept none). The note is shown back in every later
 * prompt, so a model can carry facts ("order number 1234", "shipping form done") across steps.
 */
public record ModelAnswer(List<Action> actions, String memory) {
    public ModelAnswer {
        actions = List.copyOf(actions);
        memory = Objects.requireNonNullElse(memory, "");
    }
}
