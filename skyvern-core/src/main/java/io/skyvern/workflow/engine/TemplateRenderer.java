package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import io.skyvern.common.Json;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders block parameters as Jinja templates (Jinjava) over a {@link TemplateContext}. Strings are
 * rendered recursively through objects and arrays; a string that is exactly one expression
 * ({@code {{ blocks.a.output.items }}}) yields the raw value (list, number, object), not its text.
 * An undefined variable fails with a {@link TemplateException} naming it; {@code default} and
 * {@code is defined} work as in Jinja. Messages never contain rendered values, so secrets in
 * parameters do not leak through errors. Thread-safe.
 */
public final class TemplateRenderer {
    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);
    private static final String CAPTURE = "__skyvern_capture";
    private static final ThreadLocal<Object[]> CAPTURED = new ThreadLocal<>();

    private final Jinjava jinjava;
    private final JinjavaConfig config;

    public TemplateRenderer() {
        config = JinjavaConfig.newBuilder().withElResolver(new MissTracker.PropertyResolver()).build();
        jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFilter(new MissTracker.ForgivingDefault());
        jinjava.getGlobalContext().registerExpTest(new MissTracker.ForgivingDefined());
        jinjava.getGlobalContext().registerExpTest(new MissTracker.ForgivingUndefined());
        jinjava.getGlobalContext().registerFilter(new Filter() {
            @Override
            public String getName() {
                return CAPTURE;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                Object[] holder = CAPTURED.get();
                if (holder != null) {
                    holder[0] = var;
                }
                return "";
            }
        });
    }

    /** Renders every string inside {@code template}; other values are copied as they are. */
    public JsonNode render(JsonNode template, TemplateContext context) {
        if (template == null || template.isNull() || template.isMissingNode()) {
            return NullNode.getInstance();
        }
        if (template.isTextual()) {
            return renderValue(template.asText(), context);
        }
        if (template.isObject()) {
            ObjectNode out = Json.mapper().createObjectNode();
            template.fields().forEachRemaining(e -> out.set(e.getKey(), render(e.getValue(), context)));
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            template.forEach(item -> out.add(render(item, context)));
            return out;
        }
        return template.deepCopy();
    }

    /** One string: its raw value when it is a single expression, else the rendered text. */
    public JsonNode renderValue(String template, TemplateContext context) {
        if (!template.contains("{{") && !template.contains("{%")) {
            return TextNode.valueOf(template);
        }
        Matcher single = SINGLE_EXPRESSION.matcher(template);
        if (single.matches() && !single.group(1).contains("{{") && !single.group(1).contains("}}")) {
            return normalized(Json.mapper().valueToTree(evaluate(single.group(1), context)));
        }
        return TextNode.valueOf(renderText(template, context));
    }

    /** Jinjava computes in longs; re-reading gives the same node types as parsed JSON (42 is an int). */
    private static JsonNode normalized(JsonNode node) {
        try {
            return Json.mapper().readTree(node.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a rendered value did not round-trip through JSON", e);
        }
    }

    /** Renders to text. */
    public String renderText(String template, TemplateContext context) {
        return run(template, context);
    }

    /**
     * Evaluates a condition, written bare ({@code blocks.a.output.count > 2}) or wrapped in
     * {@code {{ }}}, to a boolean: false, null, 0, "", "false", empty lists and maps are false.
     */
    public boolean evaluateCondition(String expression, TemplateContext context) {
        Matcher single = SINGLE_EXPRESSION.matcher(expression);
        String bare = single.matches() ? single.group(1) : expression;
        return truthy(evaluate(bare, context));
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isBlank() && !s.trim().equalsIgnoreCase("false");
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The raw value of one expression. */
    public Object evaluate(String expression, TemplateContext context) {
        Object[] holder = {null};
        CAPTURED.set(holder);
        try {
            run("{{ (" + expression.trim() + ") | " + CAPTURE + " }}", context);
            return holder[0];
        } finally {
            CAPTURED.remove();
        }
    }

    private String run(String template, TemplateContext context) {
        MissTracker tracker = MissTracker.start();
        MissTracker.TrackingContext scope = new MissTracker.TrackingContext(jinjava.getGlobalContext(),
                StrictBindings.of(context), template);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, scope, config);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String output = interpreter.render(template);
            tracker.dropDefinedLater(scope);
            if (!tracker.misses().isEmpty()) {
                throw new TemplateException("Undefined template variable: "
                        + String.join(", ", tracker.misses().stream().distinct().toList()));
            }
            List<TemplateError> errors = interpreter.getErrors().stream()
                    .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
            if (!errors.isEmpty()) {
                throw new TemplateException("Template error: "
                        + errors.stream().map(TemplateError::getMessage).collect(Collectors.joining("; ")));
            }
            return output;
        } finally {
            JinjavaInterpreter.popCurrent();
            MissTracker.end();
        }
    }
}
