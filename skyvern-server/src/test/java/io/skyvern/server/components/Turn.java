package io.skyvern.server.components;

import io.skyvern.testing.RecordedRequest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One call of the model within a scenario, as its responder sees it: the request, which kind of
 * call it is, and how many calls of that kind the scenario had before (0 for the first).
 * The lookups read the user message (the current step's prompt), where the page is.
 */
record Turn(RecordedRequest request, Kind kind, int index) {
    /** What the agent asked for. */
    enum Kind { ACTION, EXTRACTION, VERIFICATION }

    /** The current prompt (the last user message). */
    String prompt() {
        return request.lastUserText();
    }

    /** The system message (empty when there is none). */
    String system() {
        return request.messages().stream().filter(m -> m.role().equals("system")).map(RecordedRequest.Message::text)
                .findFirst().orElse("");
    }

    /** The page part of the prompt (between the PAGE_CONTENT markers): what the page shows now. */
    String page() {
        String prompt = prompt();
        int start = prompt.indexOf("<<<PAGE_CONTENT");
        int end = prompt.lastIndexOf("<<<END_PAGE_CONTENT>>>");
        return start < 0 ? prompt : prompt.substring(start, end > start ? end : prompt.length());
    }

    /** Whether the page (not the history, the tabs or the goal) shows a match of {@code regex}. */
    boolean shows(String regex) {
        return Pattern.compile(regex).matcher(page()).find();
    }

    /** Whether the prompt (anywhere: history, events, page) has a match of {@code regex}. */
    boolean has(String regex) {
        return Pattern.compile(regex).matcher(prompt()).find();
    }

    /** Group 1 of the first match of {@code regex} in the prompt (or the whole match). */
    Optional<String> find(String regex) {
        var m = Pattern.compile(regex).matcher(prompt());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.groupCount() >= 1 ? m.group(1) : m.group());
    }

    /** Every group 1 of {@code regex} in the prompt. */
    List<String> findAll(String regex) {
        var m = Pattern.compile(regex).matcher(prompt());
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.groupCount() >= 1 ? m.group(1) : m.group());
        }
        return found;
    }

    /**
     * The element id that {@code regex} captures in group 1; a {@link ScenarioException} naming the
     * pattern and showing the prompt when there is none (the scenario then records why it stopped).
     */
    String id(String regex) {
        return find(regex).orElseThrow(() -> new ScenarioException("turn " + kind + " #" + index
                + ": no match for " + regex));
    }

    /**
     * The id of the first element line of the page whose tag matches {@code tag} (a name, or names
     * joined by {@code |}) and that matches every
     * one of {@code parts} (regexes, in any order: attributes, text), e.g.
     * {@code element("input", "role=\"combobox\"", "Fruit")}. Tolerant of attribute order and of
     * prompt formats that add attributes; fails like {@link #id} when there is none.
     */
    String element(String tag, String... parts) {
        return findElement(tag, parts).orElseThrow(() -> new ScenarioException("turn " + kind + " #" + index
                + ": no <" + tag + "> with " + String.join(", ", parts)));
    }

    /** Whether the page has such an element line (see {@link #element}). */
    boolean hasElement(String tag, String... parts) {
        return findElement(tag, parts).isPresent();
    }

    private Optional<String> findElement(String tag, String... parts) {
        Pattern open = Pattern.compile("<(" + tag + ")\\s+(?:[^>]*\\s)?id=\"(\\w+)\"[^>]*>");
        List<Pattern> wanted = java.util.Arrays.stream(parts).map(Pattern::compile).toList();
        for (String line : page().split("\n")) {
            var m = open.matcher(line);
            while (m.find()) {
                // The element: its opening tag and, up to its end tag, its text (a line may hold several).
                String endTag = "</" + m.group(1) + ">";
                int close = line.indexOf(endTag, m.end());
                String element = line.substring(m.start(), close < 0 ? m.end() : close + endTag.length());
                if (wanted.stream().allMatch(p -> p.matcher(element).find())) {
                    return Optional.of(m.group(2));
                }
            }
        }
        return Optional.empty();
    }

    static Kind classify(RecordedRequest request) {
        String system = request.messages().stream().filter(m -> m.role().equals("system"))
                .map(RecordedRequest.Message::text).findFirst().orElse("");
        String all = request.promptText();
        if (request.isCompletionCheck()) {
            return Kind.VERIFICATION;
        }
        if (system.contains("extracted_information")) {
            return Kind.EXTRACTION;
        }
        // The completion check: its instructions ask for {"goal_met": …}; the step prompt asks for actions.
        if (all.contains("goal_met") || (system.toLowerCase(java.util.Locale.ROOT).contains("verif")
                && !system.contains("action_type"))) {
            return Kind.VERIFICATION;
        }
        return Kind.ACTION;
    }
}
