package io.skyvern.server.fuzz;

import java.util.List;
import java.util.Random;

/** Hostile values the mutators draw from. */
final class Values {
    static final String HUGE = "A".repeat(100_000);

    /** Strings that break naive code: empty, control characters, other scripts, injections. */
    static final List<String> STRINGS = List.of("", " ", "\t\n", "a", "null", "true", "0", "-1",
            "日本語テキスト", "🦊🦊🦊", "\u202Eevil", "e\u0301", "\u0000", "nul\u0000inside", "\u001b[31mred",
            "' OR '1'='1", "1; DROP TABLE tasks; --", "<script>alert(1)</script>", "{{ 7 * 7 }}",
            "{% for x in range(999999999) %}{% endfor %}", "${jndi:ldap://127.0.0.1/x}", "%s%s%n",
            "../../etc/passwd", "file:///etc/passwd", "javascript:alert(1)", "http://169.254.169.254/", "x".repeat(300));

    /** JSON tokens of every type, written as raw JSON text (some are out of range for Java types). */
    static final List<String> RAW_JSON = List.of("0", "-1", "2147483648", "-2147483649", "9223372036854775808",
            "99999999999999999999999999999999", "1e400", "-1e400", "1.5", "1e-400", "0.0000001", "true", "false",
            "null", "\"\"", "\"text\"", "[]", "{}", "[1,2,3]", "{\"a\":1}", "[null]", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"" + "B".repeat(100_000) + "\"");

    static final List<String> PAGE_VALUES = List.of("-1", "0", "1", "100", "101", "2147483647", "2147483648",
            "-2147483649", "99999999999999999999", "1e3", "1.5", "0x10", "abc", "", " 5 ", "½", "٣");

    static final List<String> DATES = List.of("2024-13-45", "yesterday", "2024-01-01T00:00:00Z", "2024-02-30",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01", "9999-12-31",
            "2024-01-01T25:00:00", "1970-01-01T00:00:00+18:00", "2024-01-01T00:00:00+99:00", "1e10", "",
            "2024-01-01T00:00:00.123456789123Z");

    static final List<String> ENUMS = List.of("bogus", "QUEUED", "queued", "Running", "completed,bogus", ",", "*",
            "created_at; DROP TABLE tasks", "asc", "desc", "sideways", "true", "maybe", "2", "");

    static final List<String> IDS = List.of("", " ", "x", "tsk_", "tsk_00000000000000000000000000",
            "wf_doesnotexist", "wr_x", "ak_x", "..", ".", "../../etc/passwd", "..%2f..%2f", "тест", "🦊",
            "' OR '1'='1", "1; DROP TABLE tasks", "%00", "\u0000", "a b", "x".repeat(1000), "x".repeat(10_000),
            "<script>", "{task_id}", "null", "-1", "9223372036854775808");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/yaml", "text/yaml", "application/json; charset=utf-16",
            "application/json; charset=nonsense", "application/json;;;", "", "*/*", "application/vnd.api+json",
            "application/x-yaml; charset=utf-8");

    private Values() {
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** Billion laughs: nine levels of nine aliases, placed where the workflow keeps free-form JSON. */
    static String yamlBomb() {
        StringBuilder y = new StringBuilder("title: bomb\nworkflow_definition:\n");
        y.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            y.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        y.append("  blocks: *i\nparameter_schema:\n  <<: *a\n");
        return y.toString();
    }

    static String deepYaml(int depth) {
        return "title: deep\nworkflow_definition: " + deepArray(depth) + "\n";
    }

    static final List<String> YAML_ODDITIES = List.of(
            "title: !!java.lang.Runtime {}\n",
            "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n",
            "title: x\n---\ntitle: y\n",
            "title: &t x\ndescription: *t\nworkflow_definition: {blocks: *undefined}\n",
            "? [a, b]\n: c\n",
            "title: x\n  bad: indentation\n",
            "%YAML 9.9\n---\ntitle: x\n",
            "title: \"\\uD800\"\n",
            "workflow_definition: {blocks: [{<<: {id: nav, type: navigation}}]}\ntitle: merge\n",
            "title: " + "z".repeat(100_000) + "\n",
            "- just\n- a list\n",
            "!!binary AAAA\n",
            "title: x\ntitle: y\n");
}
