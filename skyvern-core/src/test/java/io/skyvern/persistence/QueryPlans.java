package io.skyvern.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the plans of the plan ITs: H2's EXPLAIN text and PostgreSQL's EXPLAIN (FORMAT JSON). */
final class QueryPlans {
    /** The index (or, for a table scan, the table) each table filter of an H2 plan reads. */
    private static final Pattern H2_INDEX = Pattern.compile("/\\* PUBLIC\\.([A-Z0-9_]+)");

    private QueryPlans() {
    }

    /** The indexes (or tables) an H2 plan reads, in the order it names them. */
    static List<String> h2Indexes(String plan) {
        List<String> names = new ArrayList<>();
        Matcher m = H2_INDEX.matcher(plan);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every node of a PostgreSQL JSON plan, parents before their children. */
    static List<JsonNode> postgresNodes(String json) {
        List<JsonNode> nodes = new ArrayList<>();
        try {
            collect(new ObjectMapper().readTree(json).get(0).get("Plan"), nodes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return nodes;
    }

    private static void collect(JsonNode plan, List<JsonNode> into) {
        into.add(plan);
        if (plan.has("Plans")) {
            plan.get("Plans").forEach(child -> collect(child, into));
        }
    }
}
