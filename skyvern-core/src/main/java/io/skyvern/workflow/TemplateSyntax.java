package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the template syntax of block parameters when a workflow is saved, so that
 * {@code "{{ params.x "} or {@code "return {{{;"} is refused then, with the field's path, rather
 * than failing the run that renders it. Jinjava itself is lenient about an opening delimiter that
 * is never closed (it keeps it as text), so delimiters are matched here first; then Jinjava parses
 * the text for the rest (unclosed block tags and the like). Nothing is rendered. Thread-safe.
 */
final class TemplateSyntax {
    private static final Map<String, String> DELIMITERS = Map.of("{{", "}}", "{%", "%}", "{#", "#}");
    private static final Jinjava JINJAVA = new Jinjava();

    private TemplateSyntax() {
    }

    /** Adds {@code "path: problem"} for every string under {@code node} whose template syntax is wrong. */
    static void check(JsonNode node, String path, List<String> errors) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            problem(node.asText()).ifPresent(p -> errors.add(path + ": " + p));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                check(field.getValue(), path + "." + field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** What is wrong with one template, if anything. */
    static Optional<String> problem(String text) {
        if (!text.contains("{{") && !text.contains("{%") && !text.contains("{#")) {
            return Optional.empty();
        }
        int at = 0;
        while (at < text.length() - 1) {
            String opener = text.substring(at, at + 2);
            String closer = DELIMITERS.get(opener);
            if (closer == null) {
                at++;
                continue;
            }
            int end = text.indexOf(closer, at + 2);
            if (end < 0) {
                return Optional.of("Template syntax error: '" + opener + "' at character " + (at + 1)
                        + " is never closed with '" + closer + "'");
            }
            at = end + 2;
        }
        JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.parse(text);
        } catch (RuntimeException e) {
            // whatever the parser cannot read is a syntax error of the client's, never a 500
            return Optional.of("Template syntax error: " + e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        return interpreter.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .findFirst()
                .map(e -> "Template syntax error: " + e.getMessage());
    }
}
