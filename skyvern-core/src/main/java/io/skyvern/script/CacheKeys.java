package io.skyvern.script;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cache key a run's script lives under. A template ({@code "{{ site }}-login"}) is filled from
 * the payload's values; without one the key is derived from the URL, the navigation goal and the
 * payload's key <em>names</em> (never its values), so one script serves every input of the same
 * form. Stateless.
 */
public final class CacheKeys {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*}}");
    /** Longer keys are refused at creation; the column holds 1000 characters. */
    public static final int MAX_LENGTH = 500;

    private CacheKeys() {
    }

    public static String of(String template, String url, String navigationGoal, JsonNode payload) {
        if (template != null && !template.isBlank()) {
            return fill(template.strip(), payload);
        }
        TreeSet<String> names = new TreeSet<>();
        keyNames(payload, "", names);
        return "auto:" + sha256(url + "\n" + navigationGoal + "\n" + String.join(",", names)).substring(0, 32);
    }

    /** The template with each {@code {{ key }}} replaced by the payload's value (empty when absent). */
    static String fill(String template, JsonNode payload) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode node = payload;
            for (String part : m.group(1).split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            String value = node == null || node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void keyNames(JsonNode node, String path, TreeSet<String> names) {
        if (node == null || !node.isObject()) {
            if (!path.isEmpty()) {
                names.add(path);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            keyNames(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), names);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
