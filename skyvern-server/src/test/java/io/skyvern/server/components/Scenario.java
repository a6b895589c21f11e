package io.skyvern.server.components;

import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedReply;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The scripted model's side of one scenario. Its {@link #tag} goes into the task's goals, so the
 * suite's model knows which scenario a request belongs to; its responders choose the natural action
 * for the widget by reading the prompt. Every call is kept ({@link #turns}) for assertions on what
 * the model was shown. When a responder cannot find what it looks for, the scenario answers
 * {@code terminate} with the reason and keeps it in {@link #problems} for the test's failure message.
 * Thread-safe.
 */
final class Scenario {
    private final String tag;
    private final Map<Turn.Kind, Function<Turn, ScriptedReply>> responders = new EnumMap<>(Turn.Kind.class);
    private final List<Turn> turns = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> records = new ArrayList<>();

    Scenario(String tag) {
        this.tag = Objects.requireNonNull(tag, "tag");
        responders.put(Turn.Kind.VERIFICATION, t -> Replies.verdict(true, "The page shows the goal is met."));
        responders.put(Turn.Kind.EXTRACTION, t -> {
            throw new ScenarioException("this scenario expects no extraction call");
        });
        responders.put(Turn.Kind.ACTION, t -> {
            throw new ScenarioException("this scenario has no action responder");
        });
    }

    String tag() {
        return tag;
    }

    /** {@code text} with the scenario's tag, for a navigation or extraction goal. */
    String goal(String text) {
        return text + " (ref " + tag + ")";
    }

    /** How the model answers each step's prompt. */
    Scenario onAction(Function<Turn, ScriptedReply> responder) {
        return set(Turn.Kind.ACTION, responder);
    }

    /** How the model answers the extraction call (the default fails the scenario). */
    Scenario onExtraction(Function<Turn, ScriptedReply> responder) {
        return set(Turn.Kind.EXTRACTION, responder);
    }

    /** How the model answers the completion check (the default confirms). */
    Scenario onVerification(Function<Turn, ScriptedReply> responder) {
        return set(Turn.Kind.VERIFICATION, responder);
    }

    private synchronized Scenario set(Turn.Kind kind, Function<Turn, ScriptedReply> responder) {
        responders.put(kind, Objects.requireNonNull(responder, "responder"));
        return this;
    }

    ScriptedReply answer(RecordedRequest request) {
        Turn turn;
        Function<Turn, ScriptedReply> responder;
        synchronized (this) {
            Turn.Kind kind = Turn.classify(request);
            turn = new Turn(request, kind, (int) turns.stream().filter(t -> t.kind() == kind).count());
            turns.add(turn);
            responder = responders.get(kind);
        }
        try {
            return responder.apply(turn);
        } catch (ScenarioException e) {
            synchronized (this) {
                problems.add(e.getMessage() + "\n--- prompt ---\n" + turn.prompt());
            }
            return turn.kind() == Turn.Kind.VERIFICATION ? Replies.verdict(false, e.getMessage())
                    : Replies.actions(Replies.act("terminate", "reason", "scripted model: " + e.getMessage()));
        }
    }

    synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    /** The calls of one kind, in order. */
    synchronized List<Turn> turns(Turn.Kind kind) {
        return turns.stream().filter(t -> t.kind() == kind).toList();
    }

    /** Why responders could not act (empty when they always found what they looked for). */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Keeps what the suite learnt about the run (its status, its log) for {@link #transcript}. */
    synchronized void record(String text) {
        records.add(text);
    }

    /** A readable account of the calls and problems, for assertion messages. */
    synchronized String transcript() {
        StringBuilder sb = new StringBuilder("scenario ").append(tag).append(": ").append(turns.size()).append(" call(s)\n");
        records.forEach(r -> sb.append(r).append('\n'));
        problems.forEach(p -> sb.append("PROBLEM: ").append(p).append('\n'));
        for (Turn turn : turns) {
            sb.append("--- prompt ").append(turn.kind()).append(" #").append(turn.index()).append(" ---\n")
                    .append(turn.prompt()).append('\n');
        }
        return sb.toString();
    }
}
