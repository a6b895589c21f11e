package io.skyvern.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.ScriptAction;
import io.skyvern.browser.ElementDescriptor;

import java.util.stream.Collectors;

/** One recorded action as a line of Playwright-for-Java code inside the exported {@code main}. Stateless. */
final class JavaActions {
    private static final String INDENT = "            ";

    private JavaActions() {
    }

    /** {@code value} is the Java expression of the action's text or option (null when it has none). */
    static String line(ScriptAction action, String value) {
        JsonNode in = action.input();
        String el = action.element() == null ? null : locator(action.element());
        return INDENT + switch (action.actionType()) {
            case "click" -> el + ".click();";
            case "input_text" -> el + ".fill(" + value + ");";
            case "select_option" -> el + ".selectOption(" + option(in, value) + ");";
            case "check" -> el + ".check();";
            case "uncheck" -> el + ".uncheck();";
            case "hover" -> el + ".hover();";
            case "upload_file" -> el + ".setInputFiles(Paths.get(" + JavaSource.literal(text(in, "file")) + "));";
            case "download_file" -> "page.waitForDownload(() -> " + el + ".click()).saveAs(Paths.get(\"downloads\")"
                    + ".resolve(String.valueOf(System.nanoTime())));";
            case "keypress" -> (el == null ? "page.keyboard()" : el) + ".press(" + JavaSource.literal(text(in, "keys")) + ");";
            case "goto_url" -> "page.navigate(URI.create(page.url()).resolve(" + (el == null
                    ? JavaSource.literal(text(in, "url")) : el + ".getAttribute(\"href\")") + ").toString());";
            case "go_back" -> "page.goBack();";
            case "scroll" -> "page.mouse().wheel(0, " + ("up".equals(text(in, "direction")) ? "-" : "")
                    + (in == null ? 600 : in.path("pixels").asInt(600)) + ");";
            case "wait" -> "page.waitForTimeout(" + (long) ((in == null ? 1 : in.path("seconds").asDouble(1)) * 1000) + ");";
            case "handle_dialog" -> "page.onceDialog(d -> d." + (in != null && in.path("accept").asBoolean(true)
                    ? "accept()" : "dismiss()") + ");";
            case "switch_tab" -> "// switch_tab: the next step's arrive(...) picks the tab by its page";
            case "close_tab" -> "// close_tab: not needed, the next step picks its tab by its page";
            case "complete" -> "// complete: the goal was reached on this page";
            case "extract" -> "// extract: Skyvern asks the model for the data here";
            default -> "// " + JavaSource.comment(action.actionType()) + ": not exported";
        };
    }

    /** {@code find(page, frames, role, name, css, xpath)}: role and name first, then CSS, then XPath. */
    private static String locator(ElementDescriptor d) {
        String role = JavaExporter.role(d);
        String frames = d.framePath().isEmpty() ? "List.of()"
                : d.framePath().stream().map(JavaSource::literal).collect(Collectors.joining(", ", "List.of(", ")"));
        return "find(page, " + frames + ", " + (role == null ? "null" : role) + ", " + JavaSource.literal(d.name())
                + ", " + JavaSource.literal(d.cssPath()) + ", " + JavaSource.literal(d.xpath()) + ")";
    }

    private static String option(JsonNode in, String value) {
        JsonNode option = in == null ? null : in.get("option");
        if (option != null && option.isObject()) {
            if (option.has("label")) {
                return "new SelectOption().setLabel(" + value + ")";
            }
            if (option.has("value")) {
                return "new SelectOption().setValue(" + value + ")";
            }
            if (option.has("index")) {
                return "new SelectOption().setIndex(" + option.get("index").asInt() + ")";
            }
        }
        return value;   // label or value: Playwright matches either
    }

    private static String text(JsonNode in, String field) {
        return in == null ? "" : in.path(field).asText("");
    }
}
