package io.skyvern.server.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.skyvern.server.fuzz.LiveServer;
import io.skyvern.server.middleware.ApiKeyHash;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches the log: API keys (valid, invalid, revoked), a password in a task's
 * navigation payload, a credential workflow parameter, on success, 4xx and 5xx paths. The access
 * log line carries only the key's hash.
 */
class LogSecrecyIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String CREDENTIAL = "cred-" + UUID.randomUUID();
    private static final String WRONG_KEY = "sk_wrong_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void secrets_never_appear_in_log_output() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("io.skyvern.server.access");
        Level accessLevel = access.getLevel();
        access.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        String key;
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            key = s.bootstrapKey;
            String revoked = drive(s);
            s.skyvern.close(); // the database is gone: the next calls fail with 500, logged with a stack trace
            LiveServer.Reply failed = s.call("POST", "/api/v1/tasks", Map.of("url", "https://a.test",
                    "navigation_goal", "go", "navigation_payload", Map.of("password", PASSWORD)));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(s.call("GET", "/api/v1/tasks", null, WRONG_KEY, Map.of()).status()).isEqualTo(500);
            List<String> secrets = List.of(key, WRONG_KEY, revoked, PASSWORD, CREDENTIAL);
            List<ILoggingEvent> events = List.copyOf(appender.list);
            assertThat(events).as("log events captured").hasSizeGreaterThan(15);
            assertThat(events.stream().filter(e -> e.getLevel() == Level.ERROR)).as("the 5xx path was logged")
                    .isNotEmpty();
            for (ILoggingEvent event : events) {
                String text = everything(event);
                for (String secret : secrets) {
                    assertThat(text).as("log event of " + event.getLoggerName()).doesNotContain(secret);
                }
            }
            List<ILoggingEvent> accessLines = events.stream()
                    .filter(e -> e.getLoggerName().equals("io.skyvern.server.access")).toList();
            assertThat(accessLines).hasSizeGreaterThan(10);
            assertThat(accessLines).anyMatch(e -> e.getFormattedMessage().contains("api_key=" + ApiKeyHash.of(key)));
            assertThat(accessLines).anyMatch(e -> e.getFormattedMessage().contains("api_key=" + ApiKeyHash.of(WRONG_KEY)));
            assertThat(accessLines).allMatch(e -> e.getFormattedMessage().matches(".* api_key=([0-9a-f]{12}|-)$"));
        } finally {
            root.detachAppender(appender);
            access.setLevel(accessLevel);
        }
    }

    /** Requests carrying secrets: successes, validation failures, auth failures. Returns a revoked key. */
    private static String drive(LiveServer s) {
        Map<String, Object> task = Map.of("url", "https://a.test", "navigation_goal", "log in",
                "navigation_payload", Map.of("username", "ada", "password", PASSWORD));
        assertThat(s.call("POST", "/api/v1/tasks", task).status()).isEqualTo(201);
        // 422s that carry the secret: wrong type elsewhere, unknown field, malformed JSON around it
        assertThat(s.call("POST", "/api/v1/tasks", Map.of("url", "https://a.test", "navigation_goal", "x",
                "max_steps", "many", "navigation_payload", Map.of("password", PASSWORD))).status()).isEqualTo(422);
        assertThat(s.call("POST", "/api/v1/tasks", Map.of("navigation_goal", "x", "password", PASSWORD)).status())
                .isEqualTo(422);
        assertThat(s.call("POST", "/api/v1/tasks", "{\"navigation_payload\":{\"password\":\"" + PASSWORD + "\"")
                .status()).isEqualTo(422);
        assertThat(s.call("POST", "/api/v1/tasks", Map.of("url", PASSWORD, "navigation_goal", "x")).status())
                .isBetween(400, 499);
        // a workflow with a credential parameter, a run with it, and a refused run
        Map<String, Object> workflow = Map.of("title", "Login", "workflow_definition", Map.of("blocks", List.of(
                Map.of("id", "nav", "type", "navigation", "parameters", Map.of("url", "https://a.test",
                        "navigation_goal", "log in with {{ password }}")))),
                "parameter_schema", Map.of("type", "object", "properties", Map.of(
                        "password", Map.of("type", "string", "format", "password"),
                        "count", Map.of("type", "integer")), "required", List.of("password")));
        LiveServer.Reply created = s.call("POST", "/api/v1/workflows", workflow);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String runs = "/api/v1/workflows/" + created.json().at("/data/workflow_id").asText() + "/runs";
        assertThat(s.call("POST", runs, Map.of("parameters", Map.of("password", CREDENTIAL))).status()).isEqualTo(201);
        assertThat(s.call("POST", runs, Map.of("parameters", Map.of("password", CREDENTIAL, "count", "NaN")))
                .status()).isBetween(400, 499);
        assertThat(s.call("POST", runs, Map.of("parameters", Map.of("password", 5, "note", CREDENTIAL)))
                .status()).isBetween(400, 499);
        // credentials and one-time codes: stored, refused by a rule, refused for their shape
        assertThat(s.call("POST", "/api/v1/credentials", Map.of("name", "site", "username", "ada",
                "password", PASSWORD, "totp_secret", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).status()).isEqualTo(201);
        assertThat(s.call("POST", "/api/v1/credentials", Map.of("name", "", "username", "ada",
                "password", PASSWORD)).status()).isEqualTo(400);
        assertThat(s.call("POST", "/api/v1/credentials", Map.of("name", "x", "username", "ada",
                "password", PASSWORD, "allowed_domains", 5)).status()).isEqualTo(422);
        assertThat(s.call("POST", "/api/v1/totp_codes", Map.of("totp_identifier", "ada@a.test",
                "content", "code " + CREDENTIAL)).status()).isBetween(201, 499);
        // keys: wrong, revoked, in a Bearer header, and a 404 with a valid key
        assertThat(s.call("GET", "/api/v1/tasks", null, WRONG_KEY, Map.of()).status()).isEqualTo(401);
        LiveServer.Reply spare = s.call("POST", "/api/v1/api_keys", Map.of("name", "spare"));
        String revoked = spare.json().at("/data/api_key").asText();
        s.call("DELETE", "/api/v1/api_keys/" + spare.json().at("/data/api_key_id").asText(), null);
        assertThat(s.call("GET", "/api/v1/tasks", null, revoked, Map.of()).status()).isEqualTo(401);
        assertThat(s.call("GET", "/api/v1/tasks", null, null, Map.of("Authorization", "Bearer " + WRONG_KEY))
                .status()).isEqualTo(401);
        assertThat(s.call("GET", "/api/v1/tasks/tsk_missing", null).status()).isEqualTo(404);
        assertThat(s.call("GET", "/nowhere", null).status()).isEqualTo(404);
        return revoked;
    }

    /** Message, arguments, key-value pairs, MDC and the whole throwable chain of an event, as text. */
    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object a : event.getArgumentArray()) {
                text.append('\n').append(a);
            }
        }
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(kv -> text.append('\n').append(kv.key).append('=').append(kv.value));
        }
        text.append('\n').append(event.getMDCPropertyMap());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append('\n').append(frame.getSTEAsString());
            }
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                text.append('\n').append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
        }
        return text.toString();
    }
}
