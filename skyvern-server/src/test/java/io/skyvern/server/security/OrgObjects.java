package io.skyvern.server.security;

import io.skyvern.server.fuzz.LiveServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates one of each object for an organisation through the API and fills path templates with their ids. */
final class OrgObjects {
    static final Map<String, Object> WORKFLOW = Map.of("title", "Sec", "workflow_definition", Map.of("blocks",
            List.of(Map.of("id", "nav", "type", "navigation", "parameters",
                    Map.of("url", "https://a.test", "navigation_goal", "go")))),
            "parameter_schema", Map.of("type", "object", "properties", Map.of("email", Map.of("type", "string"))));

    private OrgObjects() {
    }

    static Map<String, String> create(LiveServer s, String key) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("task_id", created(s, key, "/api/v1/tasks", Map.of("url", "https://a.test",
                "navigation_goal", "go"), "/data/task_id"));
        ids.put("workflow_id", created(s, key, "/api/v1/workflows", WORKFLOW, "/data/workflow_id"));
        ids.put("run_id", created(s, key, "/api/v1/workflows/" + ids.get("workflow_id") + "/runs",
                Map.of("parameters", Map.of("email", "a@b.test")), "/data/workflow_run_id"));
        ids.put("api_key_id", created(s, key, "/api/v1/api_keys", Map.of("name", "spare"), "/data/api_key_id"));
        return ids;
    }

    private static String created(LiveServer s, String key, String path, Object body, String pointer) {
        LiveServer.Reply r = s.call("POST", path, body, key, Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("POST " + path + " -> " + r.status() + " " + r.text());
        }
        return r.json().at(pointer).asText();
    }

    /** Replaces each {name} by the id; unknown names get a random id. */
    static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path.replaceAll("\\{[^}]+}", "x_" + System.nanoTime());
    }

    /** A body that would succeed for the caller's own object, so that only ownership decides. */
    static Object validBody(String method, String template) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        if (template.endsWith("/cancel")) {
            return Map.of("reason", "probe");
        }
        if (template.endsWith("/runs")) {
            return Map.of("parameters", Map.of("email", "a@b.test"));
        }
        if (template.startsWith("/api/v1/workflows")) {
            return WORKFLOW;
        }
        if (template.startsWith("/api/v1/tasks")) {
            return Map.of("title", "renamed");
        }
        return Map.of();
    }
}
