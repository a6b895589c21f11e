package io.skyvern.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The memory of one run that every prompt carries: each finished step (its URL, actions and their
 * results) and the notes the model chose to keep. Without it a model forgets, three steps later,
 * that it already filled the shipping form and fills it again.
 *
 * <p>The rendering is bounded ({@code maxChars}): the newest steps are shown in full, older ones as
 * one-line summaries, and when even those do not fit the oldest are folded into a single line that
 * counts them. Notes are shown newest last, the oldest dropped first. Everything held here is
 * already redacted. Not thread-safe: one run, one thread.
 */
public final class RunHistory {
    /** Default size of the rendered history: about 1,500 tokens. */
    public static final int DEFAULT_MAX_CHARS = 6_000;
    private static final int MAX_NOTES_CHARS = 1_500;
    private static final int MAX_ENTRY_CHARS = 2_000;

    private final int maxChars;
    private final List<StepEntry> steps = new ArrayList<>();

    /** One finished step as the history remembers it. */
    public record StepEntry(int stepNumber, String url, List<String> actionLines, int failed, String memory) {
        public StepEntry {
            Objects.requireNonNull(url, "url");
            actionLines = List.copyOf(actionLines);
            memory = memory == null ? "" : memory;
        }

        String full() {
            StringBuilder sb = new StringBuilder("Step ").append(stepNumber).append(" on ").append(url).append(":\n");
            for (String line : actionLines) {
                sb.append("  - ").append(line).append('\n');
            }
            String text = sb.toString();
            return text.length() <= MAX_ENTRY_CHARS ? text : text.substring(0, MAX_ENTRY_CHARS - 2) + "…\n";
        }

        String summary() {
            return "Step " + stepNumber + " on " + url + ": " + actionLines.size() + " action(s)"
                    + (failed == 0 ? ", all ok" : ", " + failed + " failed or not run") + "\n";
        }
    }

    public RunHistory(int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be >= 200, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public RunHistory() {
        this(DEFAULT_MAX_CHARS);
    }

    /** Remembers a finished step: its outcomes (in order) and the model's note, if it kept one. */
    public void add(int stepNumber, String url, List<ActionOutcome> outcomes, String memory) {
        List<String> lines = outcomes.stream().map(RunHistory::line).toList();
        int failed = (int) outcomes.stream().filter(o -> !o.success()).count();
        steps.add(new StepEntry(stepNumber, url == null ? "" : url, lines, failed, memory));
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<StepEntry> steps() {
        return List.copyOf(steps);
    }

    /** One action and its result, as the model reads it. */
    static String line(ActionOutcome outcome) {
        return PromptBuilder.describe(outcome.action()) + " -> " + (outcome.success() ? "ok" : "FAILED") + ": "
                + outcome.message();
    }

    /** The steps, newest in full, within the size bound; empty when no step finished yet. */
    public String renderSteps() {
        if (steps.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        int used = 0;
        int i = steps.size() - 1;
        for (; i >= 0; i--) {       // newest first, in full while they fit (the newest always, capped)
            String full = steps.get(i).full();
            if (!shown.isEmpty() && used + full.length() > maxChars * 2 / 3) {
                break;
            }
            shown.add(0, full);
            used += full.length();
        }
        for (; i >= 0; i--) {       // then one line each
            String summary = steps.get(i).summary();
            if (used + summary.length() > maxChars - 120) {
                break;
            }
            shown.add(0, summary);
            used += summary.length();
        }
        if (i >= 0) {               // what is left: one line that counts it
            int actions = 0;
            for (int k = 0; k <= i; k++) {
                actions += steps.get(k).actionLines().size();
            }
            shown.add(0, "Steps " + steps.get(0).stepNumber() + "–" + steps.get(i).stepNumber() + ": " + actions
                    + " action(s), summarised away\n");
        }
        return String.join("", shown);
    }

    /** The notes the model kept, oldest first, within their own bound; empty when it kept none. */
    public String renderNotes() {
        List<String> notes = new ArrayList<>();
        int used = 0;
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepEntry s = steps.get(i);
            if (s.memory().isEmpty()) {
                continue;
            }
            String line = "- (step " + s.stepNumber() + ") " + s.memory() + "\n";
            if (used + line.length() > MAX_NOTES_CHARS) {
                break;
            }
            notes.add(0, line);
            used += line.length();
        }
        return String.join("", notes);
    }
}
