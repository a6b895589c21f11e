package io.skyvern.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted model for {@link ReplaySite}: it reads the page in the prompt and answers what a good
 * model would (fill the sign-in fields, choose Japan, accept the terms, finish, complete; extract
 * the confirmation code; in the newsletter flow: follow the link to it, subscribe in the frame, open the receipt, confirm
 * it, complete; extract the receipt code), after a fixed delay. Every element id comes from the prompt, so it works
 * on every variant and whatever a replay already did.
 */
public final class ReplayModel {
    private static final String ACTIONS_MARKER = "{\"actions\":[";

    private ReplayModel() {
    }

    public static Function<RecordedRequest, ScriptedReply> answering(long delayMs) {
        return r -> ScriptedReply.delayed(delayMs, answer(r));
    }

    /** {@code llm} plays the replay site's model after {@code delayMs}, its completion check saying the goal is met. */
    public static void serve(ScriptedLlmServer llm, long delayMs) {
        llm.whenExhausted(answering(delayMs));
        llm.verifyWith(r -> ScriptedReply.delayed(delayMs,
                ScriptedReply.json(java.util.Map.of("goal_met", true, "reason", "scripted: confirmed"))));
    }

    /** How many navigation requests {@code llm} has answered so far. */
    public static int navigationCalls(ScriptedLlmServer llm) {
        return (int) llm.requests().stream().filter(ReplayModel::isNavigation).count();
    }

    /** Whether the request asked for navigation actions (not an extraction, not a completion check). */
    public static boolean isNavigation(RecordedRequest r) {
        return !r.isCompletionCheck() && r.promptText().contains(ACTIONS_MARKER);
    }

    static ScriptedReply answer(RecordedRequest r) {
        String page = page(r.lastUserText());
        if (!isNavigation(r)) {
            Map<String, Object> code = new LinkedHashMap<>();
            code.put("code", find(page, "(CONF-[A-Z]+-[A-Z]+)").or(() -> find(page, "(RCPT-[A-Z0-9]+)")).orElse(null));
            return ScriptedReply.json(Map.of("extracted_information", code));
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        if (page.contains("Confirmation:") || page.contains("Receipt code:")) {
            actions.add(act("complete"));
        } else if (newsletter(page, actions)) {
            // the newsletter flow: its actions are chosen
        } else if (find(page, button("Finish")).isPresent()) {
            actions.add(act("click", "element_id", find(page, button("Finish")).get()));
        } else if (find(page, "<input id=\"(\\w+)\"[^>]*type=\"checkbox\"").isPresent()) {
            actions.add(act("check", "element_id", find(page, "<input id=\"(\\w+)\"[^>]*type=\"checkbox\"").get()));
            find(page, button("Next")).ifPresent(id -> actions.add(act("click", "element_id", id)));
        } else if (find(page, "<select id=\"(\\w+)\"").isPresent()) {
            actions.add(act("select_option", "element_id", find(page, "<select id=\"(\\w+)\"").get(), "option", "Japan"));
            find(page, button("Continue")).ifPresent(id -> actions.add(act("click", "element_id", id)));
        } else {
            find(page, "<input id=\"(\\w+)\"[^>]*label=\"Username\"").ifPresent(id ->
                    actions.add(act("input_text", "element_id", id, "text", "alice")));
            find(page, "<input id=\"(\\w+)\"[^>]*type=\"password\"").ifPresent(id ->
                    actions.add(act("input_text", "element_id", id, "text", "{{secret:login.password}}")));
            find(page, button("Sign in")).or(() -> find(page, "<input id=\"(\\w+)\"[^>]*value=\"Log in\""))
                    .or(() -> find(page, button("Next"))).ifPresent(id -> actions.add(act("click", "element_id", id)));
        }
        if (actions.isEmpty()) {
            actions.add(act("terminate", "reason", "the scripted model does not know this page"));
        }
        return ScriptedReply.json(Map.of("actions", actions));
    }

    /** The newsletter flow (a sign-up frame from another origin, a receipt in a new tab), when the page is one of it. */
    private static boolean newsletter(String page, List<Map<String, Object>> actions) {
        Optional<String> confirm = find(page, button("Confirm receipt"));
        Optional<String> receipt = find(page, "<a id=\"(\\w+)\"[^>]*>Open your receipt");
        Optional<String> email = find(page, "<input id=\"(\\w+)\"[^>]*label=\"Email\"");
        if (confirm.isPresent()) {
            actions.add(act("click", "element_id", confirm.get()));
        } else if (receipt.isPresent()) {
            actions.add(act("click", "element_id", receipt.get()));
        } else if (email.isPresent()) {
            actions.add(act("input_text", "element_id", email.get(), "text", "bob@example.com"));
            find(page, button("Subscribe")).ifPresent(id -> actions.add(act("click", "element_id", id)));
        } else {
            // a model opening a link by its id, as it does when the prompt shows the href cut
            find(page, "<a id=\"(\\w+)\"[^>]*>Newsletter</a>").ifPresent(id ->
                    actions.add(act("goto_url", "element_id", id)));
        }
        return !actions.isEmpty();
    }

    private static String button(String text) {
        return "<button id=\"(\\w+)\"[^>]*>" + Pattern.quote(text);
    }

    private static String page(String prompt) {
        int start = prompt.indexOf("<<<PAGE_CONTENT");
        int end = prompt.indexOf("<<<END_PAGE_CONTENT>>>");
        return start >= 0 && end > start ? prompt.substring(start, end) : prompt;
    }

    private static Optional<String> find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Map<String, Object> act(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action_type", type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        m.put("reasoning", "scripted " + type);
        return m;
    }
}
