package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a {@link TemplateContext} into the plain Java values Jinjava evaluates over. Every map
 * knows its dotted path so that a lookup of a missing key can be reported by name.
 */
final class StrictBindings {
    private StrictBindings() {
    }

    /** A map that knows where it sits in the context (e.g. {@code blocks.extract.output}). */
    static final class PathMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final String path;

        PathMap(String path) {
            this.path = path;
        }
    }

    static Map<String, Object> of(TemplateContext context) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("params", convert(context.params(), "params"));
        PathMap blocks = new PathMap("blocks");
        context.blockOutputs().forEach((id, output) -> {
            PathMap block = new PathMap("blocks." + id);
            block.put("output", convert(output, "blocks." + id + ".output"));
            blocks.put(id, block);
        });
        root.put("blocks", blocks);
        context.loop().ifPresent(frame -> {
            PathMap loop = new PathMap("loop");
            loop.put("item", convert(frame.item(), "loop.item"));
            loop.put("index", frame.index());
            root.put("loop", loop);
        });
        PathMap run = new PathMap("run");
        run.putAll(context.run());
        root.put("run", run);
        return root;
    }

    static Object convert(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            PathMap map = new PathMap(path);
            node.fields().forEachRemaining(e -> map.put(e.getKey(), convert(e.getValue(), path + "." + e.getKey())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(convert(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
