package io.skyvern.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digs the JSON object out of a model's answer. Models wrap JSON in code fences, put prose before
 * and after it, and leave trailing commas; none of that should cost a step. The first balanced
 * top-level object (braces inside strings do not count) that parses wins. Pure and thread-safe.
 */
public final class LlmJson {
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*[ \\t]*\\r?\\n?(.*?)(?:```|\\z)", Pattern.DOTALL);
    /** Bounds the work on pathological answers full of stray braces. */
    private static final int MAX_CANDIDATES = 32;
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private LlmJson() {
    }

    /**
     * The first JSON object in {@code answer}.
     *
     * @throws LlmJsonException with a short reason when there is none
     */
    public static JsonNode parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new LlmJsonException("the answer is empty");
        }
        String text = answer.replace("\uFEFF", "").strip();
        List<String> sources = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            sources.add(fence.group(1));
        }
        sources.add(text);
        String failure = null;
        for (String source : sources) {
            Attempt attempt = firstObject(source);
            if (attempt.node != null) {
                return attempt.node;
            }
            failure = failure == null ? attempt.reason : failure;
        }
        throw new LlmJsonException(failure);
    }

    private record Attempt(JsonNode node, String reason) {
    }

    private static Attempt firstObject(String source) {
        int start = source.indexOf('{');
        if (start < 0) {
            return new Attempt(null, "no JSON object found");
        }
        String reason = null;
        for (int tried = 0; start >= 0 && tried < MAX_CANDIDATES; tried++) {
            int end = matchingBrace(source, start);
            if (end < 0) {
                return new Attempt(null, reason != null ? reason : "unterminated JSON object (answer cut off?)");
            }
            String candidate = removeTrailingCommas(source.substring(start, end + 1));
            try {
                return new Attempt(LENIENT.readTree(candidate), null);
            } catch (JsonProcessingException e) {
                reason = reason != null ? reason : "malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
            }
            start = source.indexOf('{', start + 1);
        }
        return new Attempt(null, reason);
    }

    /** Index of the brace closing the one at {@code open}, or -1; braces inside strings are skipped. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Drops commas that only whitespace separates from a closing brace or bracket (outside strings). */
    static String removeTrailingCommas(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == ',' && closesNext(json, i + 1)) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean closesNext(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '}' || c == ']';
            }
        }
        return false;
    }
}
