package io.skyvern.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.ScriptAction;
import io.skyvern.agent.ScriptStep;
import io.skyvern.browser.ElementDescriptor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a script version into one standalone, readable Playwright-for-Java program: a public class
 * {@value #CLASS_NAME} with a {@code main} that opens the start URL and performs the recorded
 * actions step by step, each step on the tab showing its page (a link that opened a new tab is
 * followed, as the recorded run did). Each element is found by role and accessible name first,
 * then by its CSS path, then by its XPath (the first that matches exactly one element). User data becomes named
 * constants; a secret is read from an environment variable named in the code (the script only
 * holds its placeholder); the browser executable comes from {@code SKYVERN_BROWSER_EXECUTABLE}
 * when set. Only Playwright is needed on the class path. Stateless.
 */
public final class JavaExporter {
    public static final String CLASS_NAME = "SkyvernExport";
    public static final String CONTENT_TYPE = "text/x-java-source";
    private static final Pattern SECRET = Pattern.compile("\\{\\{secret:([^}]+)}}");
    private static final Set<String> ROLES = Set.of("button", "link", "textbox", "checkbox", "radio", "combobox",
            "listbox", "spinbutton", "searchbox", "slider", "heading", "tab", "menuitem", "option", "switch");

    public String export(String taskId, String startUrl, JsonNode payload, ScriptVersion version) {
        Map<String, String> values = new TreeMap<>();
        // The masked payload: a secret's value never reaches the code, only its placeholder does.
        flatten(io.skyvern.agent.PayloadSecrets.of(payload).maskedPayload(), "", values);
        Map<String, String> constants = new LinkedHashMap<>();   // name → initialiser
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (ScriptStep step : version.steps()) {
            body.append("            // Step ").append(++n).append(" on ").append(JavaSource.comment(step.url())).append('\n');
            body.append("            arrive(").append(JavaSource.literal(io.skyvern.browser.PageAddress.of(step.url()))).append(");\n");
            for (ScriptAction action : step.actions()) {
                body.append(JavaActions.line(action, value(action, values, constants))).append('\n');
            }
        }
        return JavaTemplate.render(CLASS_NAME, "task " + taskId + ", script " + version.scriptId() + " version "
                + version.version(), startUrl, constants, body.toString());
    }

    /** The Java expression for an action's text or option (a constant when it comes from the user data). */
    private static String value(ScriptAction action, Map<String, String> values, Map<String, String> constants) {
        String text = action.input() == null ? null : action.input().hasNonNull("text") ? action.input().get("text").asText()
                : action.input().has("option") ? optionValue(action.input().get("option")) : null;
        if (text == null) {
            return null;
        }
        Matcher secret = SECRET.matcher(text);
        if (secret.matches()) {
            String name = JavaSource.constantName(secret.group(1));
            constants.putIfAbsent(name, "secret(" + JavaSource.literal("SKYVERN_SECRET_" + name) + ")");
            return name;
        }
        String key = action.payloadKey() != null ? action.payloadKey() : keyOf(text, values);
        if (key != null && values.containsKey(key)) {
            String name = JavaSource.constantName(key);
            constants.putIfAbsent(name, JavaSource.literal(values.get(key)));
            return name;
        }
        return JavaSource.literal(text);
    }

    private static String optionValue(JsonNode option) {
        if (option == null) {
            return null;
        }
        if (option.isValueNode()) {
            return option.asText();
        }
        var fields = option.fields();
        return fields.hasNext() ? fields.next().getValue().asText() : null;
    }

    private static String keyOf(String text, Map<String, String> values) {
        return values.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isValueNode()) {
            if (!path.isEmpty()) {
                out.put(path, node.asText());
            }
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        }
    }

    /** The Playwright role constant for a descriptor's role, or null when Playwright has none we use. */
    static String role(ElementDescriptor d) {
        return d != null && ROLES.contains(d.role()) && !d.name().isEmpty()
                ? "AriaRole." + d.role().toUpperCase(java.util.Locale.ROOT) : null;
    }
}
