package io.skyvern.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Turns a route into a hostile request: starts from a valid request (real ids of existing objects,
 * a valid body, the right key) and applies one mutation, sometimes two. Everything random comes
 * from the one seeded {@link Random}, so a seed replays the same sequence of mutations.
 */
final class CaseGenerator {
    static final List<String> BODY_KINDS = List.of("valid", "drop_field", "duplicate_field", "retype_field",
            "huge_string", "deep_json", "number_out_of_range", "unicode_nul", "invalid_utf8", "wrong_content_type",
            "empty_body", "truncated_json", "random_bytes", "unknown_field", "non_object_body", "null_field",
            "yaml_bomb", "deep_yaml", "yaml_oddity", "unknown_top_field", "coerced_scalar");
    static final List<String> OTHER_KINDS = List.of("query_page", "query_date", "query_enum", "query_repeated",
            "query_junk", "path_id", "foreign_id", "wrong_method", "bad_api_key", "huge_header", "bad_request_id",
            "weird_accept", "raw_request", "idempotency_key", "forwarded_for");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "FOO");

    private final Random random;
    private final Fixtures fixtures;

    CaseGenerator(Random random, Fixtures fixtures) {
        this.random = random;
        this.fixtures = fixtures;
    }

    FuzzCase next(int index, FuzzRoute route) {
        Draft d = new Draft(route, fixtures);
        boolean bodyKind = route.seedBody() != null ? random.nextInt(10) < 6 : random.nextInt(10) < 1;
        String kind = bodyKind ? Values.pick(random, BODY_KINDS) : Values.pick(random, OTHER_KINDS);
        if (bodyKind && d.body == null) {
            d.body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            d.contentType = "application/json";
        }
        apply(kind, d);
        if (random.nextInt(100) < 15) {
            String second = Values.pick(random, OTHER_KINDS);
            apply(second, d);
            kind = kind + "+" + second;
        }
        return d.build(index, kind);
    }

    private void apply(String kind, Draft d) {
        switch (kind) {
            case "valid" -> { }
            case "drop_field" -> mutateField(d, (obj, field) -> obj.remove(field));
            case "duplicate_field" -> duplicateField(d);
            case "retype_field" -> rawField(d, Values.pick(random, Values.RAW_JSON));
            case "huge_string" -> mutateField(d, (obj, field) -> obj.put(field, Values.HUGE));
            case "deep_json" -> deepJson(d);
            case "number_out_of_range" -> rawField(d, Values.pick(random, List.of("1e400", "-1", "0", "2147483648",
                    "-9223372036854775809", "99999999999999999999999", "1.0000000000000000001", "NaN", "Infinity")));
            case "unicode_nul" -> mutateField(d, (obj, field) -> obj.put(field, Values.pick(random, Values.STRINGS)));
            case "invalid_utf8" -> invalidUtf8(d);
            case "wrong_content_type" -> d.contentType = Values.pick(random, Values.CONTENT_TYPES);
            case "empty_body" -> d.body = random.nextBoolean() ? new byte[0] : " \n ".getBytes(StandardCharsets.UTF_8);
            case "truncated_json" -> d.body = java.util.Arrays.copyOf(d.body, random.nextInt(Math.max(1, d.body.length)));
            case "random_bytes" -> {
                d.body = new byte[1 + random.nextInt(2000)];
                random.nextBytes(d.body);
            }
            case "unknown_field" -> mutateField(d, (obj, field) -> obj.put("zz_" + random.nextInt(1000), "x"));
            case "non_object_body" -> d.body = Values.pick(random, List.of("[]", "[{}]", "\"text\"", "42", "null",
                    "true", "{}", "[" + new String(d.body, StandardCharsets.UTF_8) + "]")).getBytes(StandardCharsets.UTF_8);
            case "null_field" -> mutateField(d, (obj, field) -> obj.putNull(field));
            case "unknown_top_field" -> strictBody(d, root -> root.put("zz_unknown_" + random.nextInt(1000), 1));
            case "coerced_scalar" -> strictBody(d, root -> {
                // a scalar of another JSON type for a known text, number or boolean field: never coerced
                String field = Values.pick(random, List.of("url", "navigation_goal", "max_steps", "name", "title",
                        "is_active", "reason"));
                if (root.has(field) && root.get(field).isValueNode() && !root.get(field).isNull()) {
                    JsonNode value = root.get(field);
                    root.set(field, value.isTextual() ? (random.nextBoolean()
                            ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE
                            : com.fasterxml.jackson.databind.node.IntNode.valueOf(7))
                            : value.isIntegralNumber() ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(2.5)
                            : com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asText()));
                } else {
                    root.put("zz_unknown", true);
                }
            });
            case "yaml_bomb" -> yaml(d, Values.yamlBomb());
            case "deep_yaml" -> yaml(d, random.nextBoolean() ? Values.deepYaml(10_000) : Values.deepYaml(60));
            case "yaml_oddity" -> yaml(d, Values.pick(random, Values.YAML_ODDITIES));
            case "query_page" -> {
                d.query.add(List.of("page", Values.pick(random, Values.PAGE_VALUES)));
                d.query.add(List.of("page_size", Values.pick(random, Values.PAGE_VALUES)));
            }
            case "query_date" -> queryOfType(d, "date-time", Values.DATES, "created_after");
            case "query_enum" -> queryOfType(d, "string", Values.ENUMS, "status");
            case "query_repeated" -> repeatedQuery(d);
            case "query_junk" -> d.rawQuery = Values.pick(random, List.of("%zz", "page=%00", "page=%C3%28",
                    "status=%FF%FE", "&&&", "=", "a=1&a=2&a=3", "page_size=" + "9".repeat(5000), "%%", "x[]=1&x[0]=2",
                    "search=" + Values.encode("' OR 1=1 --"), "search=" + "s".repeat(20_000)));
            case "path_id" -> pathId(d, Values.pick(random, Values.IDS));
            case "foreign_id" -> foreignId(d);
            case "wrong_method" -> d.method = Values.pick(random, METHODS);
            case "bad_api_key" -> badKey(d);
            case "huge_header" -> d.headers.add(List.of(random.nextBoolean() ? "X-Fuzz" : "x-api-key",
                    "H".repeat(random.nextBoolean() ? 100_000 : 7_000)));
            case "bad_request_id" -> d.requestId = Values.pick(random, List.of("", "a b", "x".repeat(129),
                    "x".repeat(10_000), "../x", "<script>", "id;drop", "\t", "%00"));
            case "weird_accept" -> d.headers.add(List.of(random.nextBoolean() ? "Accept" : "Accept-Encoding",
                    Values.pick(random, List.of("application/yaml", "text/yaml", "application/xml", "*/*", "gzip",
                            "br", "identity;q=0", "gzip;q=0, *;q=0", "garbage/", "text/html;q=abc"))));
            case "raw_request" -> d.raw = Values.pick(random, List.of("path_bytes", "header_bytes", "header_ctl",
                    "http10", "request_id_crlf"));
            case "idempotency_key" -> d.headers.add(List.of("Idempotency-Key", Values.pick(random, List.of(
                    "fuzz-fixed", "fuzz-" + random.nextInt(1_000_000), UUID.randomUUID().toString(), "", " ", "a b",
                    "k".repeat(256), "k".repeat(100_000), "\"quoted\"", "../../etc", "%00", "' OR 1=1 --"))));
            case "forwarded_for" -> d.headers.add(List.of(random.nextBoolean() ? "X-Forwarded-For" : "Forwarded",
                    Values.pick(random, List.of("203.0.113.7", "garbage", "::1, 10.0.0.1", "999.999.999.999",
                            "1.2.3.4, ".repeat(5_000), "unknown", "[fd00:ec2::254]", "for=\"_hidden\"", "", ",,,"))));
            default -> throw new IllegalStateException("Unknown mutation " + kind);
        }
    }

    private void mutateField(Draft d, java.util.function.BiConsumer<ObjectNode, String> change) {
        ObjectNode root = d.tree();
        if (root == null) {
            return;
        }
        ObjectNode target = pickObject(root);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String field = names.isEmpty() || random.nextInt(10) == 0 ? "extra_" + random.nextInt(100) : Values.pick(random, names);
        change.accept(target, field);
        d.setTree(root);
    }

    /** A random object inside the body: the root most of the time, else a nested one. */
    private ObjectNode pickObject(ObjectNode root) {
        ObjectNode current = root;
        while (random.nextInt(3) == 0) {
            List<ObjectNode> children = new ArrayList<>();
            for (Iterator<JsonNode> it = current.elements(); it.hasNext(); ) {
                JsonNode child = it.next();
                if (child.isObject()) {
                    children.add((ObjectNode) child);
                }
            }
            if (children.isEmpty()) {
                break;
            }
            current = Values.pick(random, children);
        }
        return current;
    }

    /** Sets a field to a token written as raw JSON text (numbers beyond any Java type, lone surrogates). */
    private void rawField(Draft d, String rawJson) {
        String marker = "@@RAW" + random.nextInt(1_000_000) + "@@";
        mutateField(d, (obj, field) -> obj.put(field, marker));
        d.body = new String(d.body, StandardCharsets.UTF_8).replace("\"" + marker + "\"", rawJson)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Changes the top level of a route's JSON body so that it no longer fits the schema: it must be refused. */
    private void strictBody(Draft d, java.util.function.Consumer<ObjectNode> change) {
        boolean json = d.contentType == null || d.contentType.startsWith("application/json");
        ObjectNode root = d.route.seedBody() == null || !json ? null : d.tree();
        if (root == null) {
            return;
        }
        change.accept(root);
        d.setTree(root);
        d.mustFail = true;
    }

    private void duplicateField(Draft d) {
        String text = new String(d.body, StandardCharsets.UTF_8);
        if (text.startsWith("{") && text.length() > 2) {
            String first = text.substring(1, text.indexOf(':') + 1);
            text = "{" + first + "\"dup\"," + text.substring(1);
        }
        d.body = text.getBytes(StandardCharsets.UTF_8);
    }

    private void deepJson(Draft d) {
        String deep = random.nextBoolean() ? Values.deepArray(10_000) : Values.deepObject(10_000);
        if (random.nextBoolean()) {
            d.body = deep.getBytes(StandardCharsets.UTF_8);
        } else {
            rawField(d, deep);
        }
    }

    private void invalidUtf8(Draft d) {
        byte[] bad = Values.pick(random, List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                new byte[]{(byte) 0xE2, (byte) 0x82}));
        String marker = "@@UTF" + random.nextInt(1_000_000) + "@@";
        mutateField(d, (obj, field) -> obj.put(field, marker));
        byte[] body = d.body;
        int at = indexOf(body, marker.getBytes(StandardCharsets.UTF_8));
        if (at < 0) {
            at = random.nextInt(Math.max(1, body.length));
            body = java.util.Arrays.copyOf(body, Math.max(body.length, at));
        }
        int markerLength = at < body.length && indexOf(body, marker.getBytes(StandardCharsets.UTF_8)) == at
                ? marker.length() : 0;
        byte[] out = new byte[body.length - markerLength + bad.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(body, at + markerLength, out, at + bad.length, body.length - at - markerLength);
        d.body = out;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void yaml(Draft d, String yaml) {
        d.body = yaml.getBytes(StandardCharsets.UTF_8);
        d.contentType = Values.pick(random, List.of("application/yaml", "application/x-yaml", "text/yaml"));
    }

    private void queryOfType(Draft d, String type, List<String> values, String fallbackName) {
        List<FuzzRoute.QueryParam> matching = d.route.queryParams().stream()
                .filter(p -> p.type().equals(type) || p.repeated() || p.type().equals("boolean")).toList();
        String name = matching.isEmpty() ? fallbackName : Values.pick(random, matching).name();
        d.query.add(List.of(name, Values.pick(random, values)));
    }

    private void repeatedQuery(Draft d) {
        List<FuzzRoute.QueryParam> params = d.route.queryParams();
        String name = params.isEmpty() ? "page" : Values.pick(random, params).name();
        int n = 2 + random.nextInt(random.nextBoolean() ? 3 : 500);
        for (int i = 0; i < n; i++) {
            d.query.add(List.of(name, Values.pick(random, List.of("1", "2", "queued", "true", "asc", "x"))));
        }
    }

    private void pathId(Draft d, String id) {
        List<String> names = d.route.pathParams();
        if (names.isEmpty()) {
            d.pathSuffix = "/" + Values.encode(id);
            return;
        }
        String name = Values.pick(random, names);
        if (random.nextInt(4) == 0) {
            // a valid id of another kind of object
            d.pathValues.put(name, Values.pick(random, List.copyOf(fixtures.own().values())));
        } else {
            d.pathValues.put(name, id);
            d.literalPath = random.nextInt(5) == 0;
        }
        d.foreign.remove(name);
    }

    private void foreignId(Draft d) {
        List<String> names = d.route.pathParams();
        if (names.isEmpty()) {
            return;
        }
        for (String name : names) {
            if (random.nextBoolean() || name.equals(names.get(names.size() - 1))) {
                String foreign = fixtures.foreign().get(name);
                if (foreign != null) {
                    d.pathValues.put(name, foreign);
                    d.foreign.add(name);
                }
            }
        }
    }

    private void badKey(Draft d) {
        d.apiKey = Values.pick(random, List.of("", " ", "garbage", "sk_" + UUID.nameUUIDFromBytes(new byte[]{
                (byte) random.nextInt()}), fixtures.bootstrapKey() + "x", fixtures.bootstrapKey().toUpperCase(),
                " " + fixtures.bootstrapKey() + " x", fixtures.revokedKey(), "Bearer " + fixtures.bootstrapKey(),
                "' OR '1'='1", "%00"));
        if (d.apiKey.isEmpty() && random.nextBoolean()) {
            d.apiKey = null;
        }
        if (random.nextBoolean()) {
            d.headers.add(List.of("Authorization", Values.pick(random, List.of("Bearer", "Bearer ", "Bearer x",
                    "Basic dXNlcjpwYXNz", "Bearer " + fixtures.revokedKey()))));
        }
        d.mustFail = d.route.path().startsWith("/api/");
    }

    /** The request being built. */
    static final class Draft {
        final FuzzRoute route;
        String method;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        boolean literalPath;
        String pathSuffix = "";
        final List<List<String>> query = new ArrayList<>();
        String rawQuery;
        final List<List<String>> headers = new ArrayList<>();
        String apiKey;
        String contentType;
        String requestId;
        byte[] body;
        boolean mustFail;
        final java.util.Set<String> foreign = new java.util.HashSet<>();
        String raw;

        Draft(FuzzRoute route, Fixtures fixtures) {
            this.route = route;
            this.method = route.method();
            for (String name : route.pathParams()) {
                pathValues.put(name, fixtures.own().getOrDefault(name, "unknown_" + name));
            }
            apiKey = fixtures.bootstrapKey();
            if (route.seedBody() != null) {
                body = json(route.seedBody());
                contentType = "application/json";
            }
        }

        ObjectNode tree() {
            try {
                JsonNode node = Json.mapper().readTree(body);
                return node instanceof ObjectNode o ? o : null;
            } catch (Exception e) {
                return null;
            }
        }

        void setTree(ObjectNode tree) {
            body = json(tree);
        }

        private static byte[] json(JsonNode node) {
            try {
                return Json.mapper().writeValueAsBytes(node);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        FuzzCase build(int index, String kind) {
            String path = route.path();
            for (Map.Entry<String, String> e : pathValues.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", literalPath ? e.getValue() : Values.encode(e.getValue()));
            }
            path += pathSuffix;
            List<String> pairs = new ArrayList<>();
            for (List<String> q : query) {
                pairs.add(Values.encode(q.get(0)) + "=" + Values.encode(q.get(1)));
            }
            if (rawQuery != null) {
                pairs.add(rawQuery);
            }
            String target = pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
            List<List<String>> all = new ArrayList<>();
            if (apiKey != null) {
                all.add(List.of("x-api-key", apiKey));
            }
            if (contentType != null && body != null) {
                all.add(List.of("Content-Type", contentType));
            }
            String echoed = null;
            if (requestId != null) {
                all.add(List.of("X-Request-ID", requestId));
            } else if (index % 3 == 0) {
                echoed = "fuzz-" + index;
                all.add(List.of("X-Request-ID", echoed));
            }
            all.addAll(headers);
            byte[] rawHead = raw == null ? null : RawRequests.head(raw, method, target, all);
            if (raw != null && (literalPath || !target.chars().allMatch(c -> c > 32 && c < 127))) {
                target = path; // keep the raw head valid ASCII apart from the intended damage
            }
            return new FuzzCase(index, kind, route, method, literalPath && rawHead == null ? encodeLoose(target) : target,
                    all, body, rawHead, mustFail || !foreign.isEmpty(), echoed);
        }

        /** A literal path still has to be a legal URI for the JDK client: encode only what it refuses. */
        private static String encodeLoose(String target) {
            StringBuilder out = new StringBuilder();
            for (char c : target.toCharArray()) {
                out.append(c > 32 && c < 127 && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\'
                        && c != '^' && c != '`' && c != '{' && c != '|' && c != '}' ? String.valueOf(c)
                        : Values.encode(String.valueOf(c)));
            }
            return out.toString();
        }
    }
}
