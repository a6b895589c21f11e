package io.skyvern.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A recorded LLM conversation: an ordered list of replies, each with an optional {@code when}
 * regex. For a prompt, the first reply whose {@code when} is found in it is used (no {@code when}:
 * any prompt). A reply is a JSON template; inside its strings, {@code {{ref:REGEX}}} becomes group 1
 * of REGEX's first match in the prompt and {@code {{ref#N:REGEX}}} of its N-th match, so element ids
 * such as {@code e7} are read from the page the agent sees now. A string that is exactly one
 * {@code {{num:REGEX}}} (or {@code {{num#N:REGEX}}}) becomes a JSON number. REGEX must not contain
 * {@code }}}. When no reply fits or a placeholder finds nothing, the answer is a terminate action
 * saying that the recording does not match the page; replaying never throws.
 */
public final class Recording {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(ref|num)(?:#(\\d+))?:(.+?)}}");

    /** One recorded reply: when it applies, and the answer's template. */
    public record Reply(String name, Optional<Pattern> when, JsonNode template) {
        public Reply {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(template, "template");
        }
    }

    private final List<Reply> replies;

    public Recording(List<Reply> replies) {
        this.replies = List.copyOf(replies);
    }

    /** The recording bundled with skyvern-cli ({@code demo/recording.json}). */
    public static Recording bundled() {
        try (InputStream in = Recording.class.getClassLoader().getResourceAsStream("demo/recording.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource demo/recording.json");
            }
            return parse(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo recording", e);
        }
    }

    /** Reads {@code {"replies":[{"name":..., "when":"REGEX", "reply":{...}}]}}. */
    public static Recording parse(JsonNode root) {
        List<Reply> replies = new ArrayList<>();
        for (JsonNode r : root.path("replies")) {
            String name = r.path("name").asText("reply " + (replies.size() + 1));
            Optional<Pattern> when = r.hasNonNull("when") ? Optional.of(Pattern.compile(r.get("when").asText()))
                    : Optional.empty();
            if (!r.has("reply")) {
                throw new IllegalArgumentException("Recording reply '" + name + "' has no 'reply'");
            }
            replies.add(new Reply(name, when, r.get("reply")));
        }
        return new Recording(replies);
    }

    public List<Reply> replies() {
        return replies;
    }

    /** The answer (JSON text) to a prompt. */
    public String answer(String prompt) {
        for (Reply reply : replies) {
            if (reply.when().map(p -> p.matcher(prompt).find()).orElse(true)) {
                try {
                    return fill(reply.template(), prompt).toString();
                } catch (NoMatch e) {
                    return terminate("The demo's recorded answer '" + reply.name()
                            + "' does not match the page: nothing in it matches " + e.regex);
                }
            }
        }
        return terminate("The demo's recording has no answer for this page");
    }

    /** A terminate action with {@code reason}: what the replay answers when it cannot follow the page. */
    static String terminate(String reason) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("actions").addObject().put("action_type", "terminate").put("reason", reason)
                .put("reasoning", "Replaying a recorded conversation: " + reason);
        return root.toString();
    }

    private static JsonNode fill(JsonNode node, String prompt) {
        if (node.isTextual()) {
            return fillText(node.asText(), prompt);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), fill(field.getValue(), prompt));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(fill(item, prompt)));
            return copy;
        }
        return node;
    }

    private static JsonNode fillText(String text, String prompt) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (m.matches() && m.group(1).equals("num")) {
            String value = find(m, prompt);
            try {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw new NoMatch(m.group(3) + " (a number; found '" + value + "')");
            }
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(find(m, prompt)));
        }
        m.appendTail(out);
        return JsonNodeFactory.instance.textNode(out.toString());
    }

    /** Group 1 of the placeholder's regex at its N-th match in the prompt. */
    private static String find(Matcher placeholder, String prompt) {
        String regex = placeholder.group(3);
        int occurrence = placeholder.group(2) == null ? 1 : Integer.parseInt(placeholder.group(2));
        Matcher m;
        try {
            m = Pattern.compile(regex).matcher(prompt);
        } catch (PatternSyntaxException e) {
            throw new NoMatch(regex + " (not a valid regex)");
        }
        for (int i = 0; i < occurrence; i++) {
            if (!m.find()) {
                throw new NoMatch(regex);
            }
        }
        if (m.groupCount() < 1 || m.group(1) == null) {
            throw new NoMatch(regex + " (no group 1)");
        }
        return m.group(1);
    }

    /** A placeholder found nothing: the page is not the recorded one. */
    private static final class NoMatch extends RuntimeException {
        private final String regex;

        NoMatch(String regex) {
            super(regex, null, false, false);
            this.regex = regex;
        }
    }
}
