package io.skyvern.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedReply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripted model of the workflow execution tests: it reads the prompt like a model would
 * (element ids from the element tree, item names from the page) and answers the agent and the
 * extractor. Anything it does not recognise is refused with a terminate, so a wrong prompt fails
 * the block visibly instead of hanging.
 */
final class WorkflowModel {
    static final String LOGIN_GOAL = "Log in as";
    static final String OPEN_GOAL = "Open list page";
    static final String EXTRACT_GOAL = "List every item name on this page";

    private WorkflowModel() {
    }

    static ScriptedReply answer(RecordedRequest r) {
        String prompt = r.promptText();
        if (prompt.contains(EXTRACT_GOAL)) {
            List<String> items = r.findAll("(?:>|- )(Item \\d+)\\b");
            int page = Integer.parseInt(r.find("Page (\\d) of 3").orElse("0"));
            return ScriptedReply.content(json(Map.of("extracted_information", Map.of("items", items, "page", page))), 100, 20);
        }
        if (prompt.contains(LOGIN_GOAL) && prompt.contains("Log in to your account")) {
            Optional<String> user = r.find("<input id=\"(e\\d+)\"[^>]*label=\"Username\"");
            Optional<String> pass = r.find("<input id=\"(e\\d+)\"[^>]*label=\"Password\"");
            Optional<String> button = r.find("<button id=\"(e\\d+)\"[^>]*>Sign in");
            Optional<String> secret = r.find("(\\{\\{secret:[^}]*password\\}\\})");
            if (user.isEmpty() || pass.isEmpty() || button.isEmpty() || secret.isEmpty()) {
                return terminate("login form not understood: " + user + pass + button + secret);
            }
            return ScriptedReply.json(Map.of("actions", List.of(
                    Map.of("action_type", "input_text", "element_id", user.get(), "text", "alice"),
                    Map.of("action_type", "input_text", "element_id", pass.get(), "text", secret.get()),
                    Map.of("action_type", "click", "element_id", button.get()))));
        }
        if (prompt.contains(LOGIN_GOAL) && prompt.contains("Welcome, alice")
                || prompt.contains(OPEN_GOAL) && prompt.contains("Item ")) {
            return ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete", "reasoning", "done"))));
        }
        return terminate("unexpected prompt: " + prompt.substring(Math.max(0, prompt.indexOf("Goal:"))).replace('\n', ' '));   // says what it saw
    }

    private static ScriptedReply terminate(String reason) {
        return ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "terminate", "reason", reason))));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
