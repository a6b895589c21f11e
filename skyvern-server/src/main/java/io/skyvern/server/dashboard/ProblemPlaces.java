package io.skyvern.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON pointer a workflow validation message is about, read from the message's own wording
 * (the validator's messages name a block or connection by index, a field by name, or start with
 * a dotted path). Kept here, beside the dashboard that shows them, because only the editor needs a
 * place: the API reports the messages as they are.
 */
final class ProblemPlaces {
    private static final String BLOCKS = "/workflow_definition/blocks";
    private static final Pattern MALFORMED = Pattern.compile("^Malformed \\w+ at line (\\d+)");
    private static final Pattern DOTTED = Pattern.compile("^((?:workflow_definition|parameter_schema)[\\w.\\[\\]]*):");
    private static final Pattern BLOCK = Pattern.compile("^(?:[A-Za-z ]*?[Bb]lock) (\\d+):");
    private static final Pattern CONNECTION = Pattern.compile("^Connection (\\d+):");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate block ID: (.*)$");
    private static final Pattern FIELD = Pattern.compile("^(?:Unknown field|Field) '(\\w+)'");

    private ProblemPlaces() {
    }

    /** A line named by the message itself (a syntax error), else 0. */
    static int lineNamed(String message) {
        Matcher m = MALFORMED.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The pointer the message concerns; "" (the whole document) when it names nothing. */
    static String pointerOf(String message, JsonNode document) {
        Matcher m = DOTTED.matcher(message);
        if (m.find()) {
            return "/" + m.group(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        }
        if ((m = BLOCK.matcher(message)).find()) {
            return BLOCKS + "/" + m.group(1);
        }
        if ((m = CONNECTION.matcher(message)).find()) {
            return "/workflow_definition/connections/" + m.group(1);
        }
        if ((m = DUPLICATE.matcher(message)).find()) {
            return BLOCKS + "/" + lastBlockWithId(document, m.group(1));
        }
        if ((m = FIELD.matcher(message)).find()) {
            String field = m.group(1);
            return field.equals("blocks") || field.equals("connections") ? "/workflow_definition/" + field
                    : "/" + field;
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("title")) {
            return "/title";
        }
        if (lower.contains("description")) {
            // Missing description: the place to add it is next to the title.
            return document != null && document.has("description") ? "/description" : "/title";
        }
        if (lower.startsWith("parameter schema")) {
            return "/parameter_schema";
        }
        if (lower.contains("block") || lower.contains("cycle")) {
            return BLOCKS;
        }
        if (lower.startsWith("workflow definition")) {
            return "/workflow_definition";
        }
        return "";
    }

    private static String lastBlockWithId(JsonNode document, String id) {
        JsonNode blocks = document == null ? null : document.at(BLOCKS);
        int found = -1;
        if (blocks != null && blocks.isArray()) {
            for (int i = 0; i < blocks.size(); i++) {
                if (id.equals(blocks.get(i).path("id").asText(null))) {
                    found = i;
                }
            }
        }
        return found < 0 ? "" : String.valueOf(found);
    }
}
