package io.skyvern.server.error;

import io.skyvern.server.http.FieldError;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each rule violation of the core (a sentence such as {@code "url too long (max 8192
 * characters)"} or {@code "blocks[0].parameters.code: unterminated '{{'"}) the field it is about, so
 * that 400 and 422 answers share one shape: {@code details.errors} as {@code [{field, message}]}.
 * The core writes a path before a colon where it knows one; otherwise the field is read from the
 * sentence's subject, and {@code body} when the sentence names none. The message stays whole.
 */
final class RuleErrors {
    private static final Pattern PATH_PREFIX = Pattern.compile("^([a-z][a-z0-9_]*(?:\\.[^\\s:]+|\\[\\d+])*): (.+)$",
            Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("^(?:[A-Z][A-Za-z ]* )?[Bb]lock (\\d+): .*", Pattern.DOTALL);
    private static final Pattern SNAKE_SUBJECT = Pattern.compile("^([a-z][a-z0-9_]*) .*", Pattern.DOTALL);
    /** Subjects the core's sentences use in words. */
    private static final Map<String, String> SUBJECTS = Map.of(
            "URL ", "url",
            "Navigation goal", "navigation_goal",
            "Workflow title", "title",
            "Workflow description", "description",
            "Workflow definition", "workflow_definition",
            "Workflow must contain", "workflow_definition.blocks",
            "Parameter schema", "parameter_schema",
            "api key name", "name");

    /** One-word field names a sentence may start with ("url is required", "page must be ..."). */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("url", "name", "title", "reason", "priority",
            "parameters", "page", "description", "status", "method", "seconds", "code", "prompt");

    private RuleErrors() {
    }

    static List<FieldError> of(List<String> errors) {
        return errors.stream().map(RuleErrors::one).toList();
    }

    static FieldError one(String error) {
        Matcher path = PATH_PREFIX.matcher(error);
        if (path.matches()) {
            return new FieldError(path.group(1), path.group(2));
        }
        Matcher block = BLOCK.matcher(error);
        if (block.matches()) {
            return new FieldError("workflow_definition.blocks[" + block.group(1) + "]", error);
        }
        for (Map.Entry<String, String> subject : SUBJECTS.entrySet()) {
            if (error.startsWith(subject.getKey())) {
                return new FieldError(subject.getValue(), error);
            }
        }
        Matcher snake = SNAKE_SUBJECT.matcher(error);
        boolean named = snake.matches() && (snake.group(1).contains("_") || FIELDS.contains(snake.group(1)));
        return new FieldError(named ? snake.group(1) : "body", error);
    }
}
