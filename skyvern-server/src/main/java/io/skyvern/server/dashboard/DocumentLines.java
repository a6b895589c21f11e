package io.skyvern.server.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skyvern.workflow.WorkflowDocuments;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Where each value of a workflow document starts: JSON pointer ({@code /workflow_definition/blocks/1})
 * to 1-based line number, read with Jackson's streaming parser (YAML or JSON) so a validation
 * message about a block can be shown at that block's line. A document that does not parse keeps
 * the pointers read before the syntax error.
 */
final class DocumentLines {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private final Map<String, Integer> lines;

    private DocumentLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static DocumentLines of(String document, WorkflowDocuments.Format format) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> path = new ArrayDeque<>();
        try (JsonParser p = (format == WorkflowDocuments.Format.YAML ? YAML : JSON).createParser(document)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pop();
                    continue;
                }
                if (t == JsonToken.FIELD_NAME) {
                    path.peek().name = p.currentName();
                    lines.putIfAbsent(pointer(path), line);
                    continue;
                }
                Frame parent = path.peek();
                if (parent != null && parent.array) {
                    parent.index++;
                    lines.putIfAbsent(pointer(path), line);
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.push(new Frame(t == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Malformed: the parse error itself names its line; what was read so far still places.
        }
        return new DocumentLines(lines);
    }

    /** The line of the pointer, or of its longest known prefix; 0 when none is known. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }

    private static String pointer(Deque<Frame> path) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Frame> it = path.descendingIterator(); it.hasNext(); ) {
            Frame f = it.next();
            b.append('/').append(f.array ? String.valueOf(f.index) : f.name);
        }
        return b.toString();
    }

    private static final class Frame {
        final boolean array;
        int index = -1;
        String name;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
