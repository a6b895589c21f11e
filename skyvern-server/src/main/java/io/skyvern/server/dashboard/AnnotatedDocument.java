package io.skyvern.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skyvern.common.Json;
import io.skyvern.workflow.WorkflowDocuments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow document with its validation errors and warnings placed at the lines they concern
 * (a block's problems at the block's first line, a field's at the field); the ones that name no
 * place are {@link #general}. The editor shows the numbered lines with each problem under its line.
 */
public record AnnotatedDocument(String text, List<Problem> general, List<Line> lines) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One problem: {@code error} or {@code warning}, its message, and its line (0 when none). */
    public record Problem(String kind, String message, int line) {
    }

    /** One line of the document and the problems placed on it. */
    public record Line(int number, String text, List<Problem> problems) {
    }

    static AnnotatedDocument empty(String text) {
        return new AnnotatedDocument(text, List.of(), List.of());
    }

    static AnnotatedDocument of(String text, List<String> errors, List<String> warnings) {
        WorkflowDocuments.Format format = formatOf(text);
        DocumentLines places = DocumentLines.of(text, format);
        JsonNode tree = tree(text, format);
        String[] source = text.split("\r?\n", -1);
        Map<Integer, List<Problem>> placed = new LinkedHashMap<>();
        List<Problem> general = new ArrayList<>();
        List<Problem> all = new ArrayList<>();
        errors.forEach(e -> all.add(place("error", e, places, tree, source.length)));
        warnings.forEach(w -> all.add(place("warning", w, places, tree, source.length)));
        for (Problem p : all) {
            if (p.line() == 0) {
                general.add(p);
            } else {
                placed.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Line> lines = new ArrayList<>();
        if (!placed.isEmpty()) {
            for (int i = 0; i < source.length; i++) {
                lines.add(new Line(i + 1, source[i], placed.getOrDefault(i + 1, List.of())));
            }
        }
        return new AnnotatedDocument(text, general, lines);
    }

    /** JSON when the text starts as a JSON object does, else YAML (the editor takes either). */
    static WorkflowDocuments.Format formatOf(String text) {
        return text.stripLeading().startsWith("{") ? WorkflowDocuments.Format.JSON : WorkflowDocuments.Format.YAML;
    }

    public boolean hasProblems() {
        return !general.isEmpty() || !lines.isEmpty();
    }

    /** Whether any error (not only warnings) is reported: the textarea is then marked invalid. */
    public boolean hasErrors() {
        return general.stream().anyMatch(p -> p.kind().equals("error"))
                || lines.stream().anyMatch(l -> l.problems().stream().anyMatch(p -> p.kind().equals("error")));
    }

    private static Problem place(String kind, String message, DocumentLines places, JsonNode tree, int lineCount) {
        int line = ProblemPlaces.lineNamed(message);
        if (line == 0) {
            String pointer = ProblemPlaces.pointerOf(message, tree);
            line = pointer.isEmpty() ? 0 : places.lineOf(pointer);
        }
        return new Problem(kind, message, line > lineCount ? 0 : line);
    }

    private static JsonNode tree(String text, WorkflowDocuments.Format format) {
        try {
            return (format == WorkflowDocuments.Format.YAML ? YAML : Json.mapper()).readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
