package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a task request against every rule of the specification and reports all violations
 * together, in one {@code VALIDATION_FAILED} exception.
 *
 * <p>The specification also sends an HTTP HEAD to the target URL and rejects the task when it
 * times out or answers 5xx. We deliberately do not: validation must be pure and fast (it runs
 * inside request handling and in tests without network), a site that is down now may be up when a
 * worker picks the task up, and an unauthenticated probe from the server to an arbitrary URL is a
 * server-side request forgery vector. An unreachable site makes the run fail with a clear reason.
 *
 * <p>Thread-safe: the compiled meta-schema is immutable.
 */
public final class TaskValidator {
    public static final int MAX_URL_LENGTH = 8192;
    public static final int MAX_GOAL_LENGTH = 2000;
    public static final int MAX_TITLE_LENGTH = 500;
    /** A cache key template (replay) up to this long; the stored key may grow by the values it takes in. */
    public static final int MAX_CACHE_KEY_LENGTH = 500;
    public static final int MAX_EXTRACTION_GOAL_LENGTH = 10_000;
    public static final int MAX_WEBHOOK_URL_LENGTH = 2048;
    /** The stored JSON of error_code_mapping must fit its column (VARCHAR(100000)). */
    public static final int MAX_ERROR_CODE_MAPPING_CHARS = 100_000;
    private static final Pattern BROWSER_SESSION_ID = Pattern.compile("pbs_[A-Za-z0-9_-]{1,60}");
    private static final JsonSchema META_SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));

    private final int defaultMaxSteps;
    private final int maxStepsCap;

    public TaskValidator(int defaultMaxSteps, int maxStepsCap) {
        if (maxStepsCap < 1 || defaultMaxSteps < 1 || defaultMaxSteps > maxStepsCap) {
            throw new IllegalArgumentException("need 1 <= defaultMaxSteps <= maxStepsCap, got "
                    + defaultMaxSteps + " and " + maxStepsCap);
        }
        this.defaultMaxSteps = defaultMaxSteps;
        this.maxStepsCap = maxStepsCap;
    }

    /** The max_steps a task gets when it names none. */
    public int defaultMaxSteps() {
        return defaultMaxSteps;
    }

    /** Throws {@code VALIDATION_FAILED} listing every violated rule, or returns normally. */
    public void validate(CreateTaskRequest request) {
        List<String> errors = violations(request);
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Task validation failed", errors);
        }
    }

    /** Every violated rule of a create request (or of a merged update), in field order. */
    public List<String> violations(CreateTaskRequest request) {
        List<String> errors = new ArrayList<>();
        if (request == null) {
            errors.add("Request body is required");
            return errors;
        }
        checkUrl(request.url(), errors);
        checkGoal(request.navigationGoal(), errors);
        checkLength("title", request.title(), MAX_TITLE_LENGTH, errors);
        checkLength("data_extraction_goal", request.dataExtractionGoal(), MAX_EXTRACTION_GOAL_LENGTH, errors);
        checkPayload(request.navigationPayload(), errors);
        checkSchema(request.extractedInformationSchema(), errors);
        checkErrorCodeMapping(request.errorCodeMapping(), errors);
        checkWebhook(request.webhookCallbackUrl(), errors);
        checkMaxSteps(request.maxSteps(), errors);
        checkBrowserSession(request.browserSessionId(), errors);
        checkLength("cache_key", request.cacheKey(), MAX_CACHE_KEY_LENGTH, errors);
        errors.addAll(LoginChecks.violations(request.login(), request.navigationPayload()));
        return errors;
    }

    private static void checkUrl(String url, List<String> errors) {
        if (url == null || url.isBlank()) {
            errors.add("url is required");
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add("url too long (max " + MAX_URL_LENGTH + " characters)");
        }
        if (!hasHttpScheme(url)) {
            errors.add("URL must start with http:// or https://");
        } else if (!hasHost(url)) {
            errors.add("url must be an absolute http(s) URL with a host");
        }
    }

    private static void checkGoal(String goal, List<String> errors) {
        if (goal == null || goal.isBlank()) {
            errors.add("Navigation goal cannot be empty");
        } else if (goal.length() > MAX_GOAL_LENGTH) {
            errors.add("Navigation goal too long (max " + MAX_GOAL_LENGTH + " characters)");
        }
    }

    private static void checkLength(String field, String value, int max, List<String> errors) {
        if (value != null && value.length() > max) {
            errors.add(field + " too long (max " + max + " characters)");
        }
    }

    private static void checkPayload(JsonNode payload, List<String> errors) {
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            errors.add("navigation_payload must be a JSON object");
        }
    }

    private static void checkSchema(JsonNode schema, List<String> errors) {
        if (schema == null || schema.isNull()) {
            return;
        }
        if (!schema.isObject() && !schema.isBoolean()) {
            errors.add("extracted_information_schema must be a JSON Schema (an object or a boolean)");
            return;
        }
        Set<ValidationMessage> problems = META_SCHEMA.validate(schema);
        problems.stream()
                .map(ValidationMessage::getMessage)
                .sorted(Comparator.naturalOrder())
                .forEach(m -> errors.add("extracted_information_schema is not a valid JSON Schema: " + m));
    }

    private static void checkErrorCodeMapping(Map<String, String> mapping, List<String> errors) {
        // Measured as stored (JSON, escapes included), so a valid mapping always fits its column.
        long chars = storedLength(mapping);
        if (chars > MAX_ERROR_CODE_MAPPING_CHARS) {
            errors.add("error_code_mapping too large (max " + MAX_ERROR_CODE_MAPPING_CHARS + " characters in all)");
            return;
        }
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                errors.add("error_code_mapping keys must not be blank");
            } else if (e.getValue() == null || e.getValue().isBlank()) {
                errors.add("error_code_mapping value for '" + e.getKey() + "' must not be blank");
            }
        }
    }

    private static long storedLength(Map<String, String> mapping) {
        try {
            return io.skyvern.common.Json.mapper().writeValueAsString(mapping).length();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkWebhook(String url, List<String> errors) {
        if (url == null) {
            return;
        }
        if (url.length() > MAX_WEBHOOK_URL_LENGTH) {
            errors.add("webhook_callback_url too long (max " + MAX_WEBHOOK_URL_LENGTH + " characters)");
        }
        if (!hasHttpScheme(url) || !hasHost(url)) {
            errors.add("webhook_callback_url must be an http:// or https:// URL with a host");
        }
    }

    private void checkMaxSteps(Integer maxSteps, List<String> errors) {
        if (maxSteps != null && (maxSteps < 1 || maxSteps > maxStepsCap)) {
            errors.add("max_steps must be between 1 and " + maxStepsCap + " (got " + maxSteps + ")");
        }
    }

    private static void checkBrowserSession(String id, List<String> errors) {
        if (id != null && !BROWSER_SESSION_ID.matcher(id).matches()) {
            errors.add("browser_session_id must look like pbs_<id> (got '" + abbreviate(id) + "')");
        }
    }

    private static boolean hasHttpScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Parsed by hand rather than with {@link java.net.URI}, which rejects URLs that browsers accept
     * (unencoded spaces or brackets in the query); only the authority matters here.
     */
    private static boolean hasHost(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostPort.startsWith("[") ? hostPort : hostPort.replaceFirst(":\\d*$", "");
        return !host.isBlank() && host.chars().noneMatch(Character::isWhitespace);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
