package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.LoginChecks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checks of a start-run request: its options and its parameters against the workflow's schema. */
final class RunRequestChecks {
    static final int MAX_EXECUTION_MINUTES = 1440;
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_ID_LENGTH = 64;

    private RunRequestChecks() {
    }

    /** The run options (webhook URL, time limit); VALIDATION_FAILED listing every problem. */
    static void checkOptions(StartRunRequest request) {
        List<String> errors = new ArrayList<>();
        String webhook = request.webhookCallbackUrl();
        if (webhook != null && webhook.length() > MAX_URL_LENGTH) {
            errors.add("webhook_callback_url too long (max " + MAX_URL_LENGTH + " characters)");
        } else if (webhook != null && !isHttpUrl(webhook)) {
            errors.add("webhook_callback_url must be an absolute http or https URL");
        }
        Integer minutes = request.maxExecutionTimeMinutes();
        if (minutes != null && (minutes < 1 || minutes > MAX_EXECUTION_MINUTES)) {
            errors.add("max_execution_time_minutes must be between 1 and " + MAX_EXECUTION_MINUTES);
        }
        String session = request.browserSessionId();
        if (session != null && (session.isBlank() || session.length() > MAX_ID_LENGTH)) {
            errors.add("browser_session_id must be a non-blank id of at most " + MAX_ID_LENGTH + " characters");
        }
        if (request.parameters() != null
                && WorkflowValidator.jsonLength(request.parameters()) > WorkflowValidator.MAX_DOCUMENT_CHARS) {
            errors.add("parameters too large (max " + WorkflowValidator.MAX_DOCUMENT_CHARS + " characters as JSON)");
        }
        String key = request.cacheKey();
        if (key != null && (key.isBlank() || key.length() > io.skyvern.task.TaskValidator.MAX_CACHE_KEY_LENGTH)) {
            errors.add("cache_key must be non-blank and at most " + io.skyvern.task.TaskValidator.MAX_CACHE_KEY_LENGTH
                    + " characters");
        }
        if (request.login().credentialId().isPresent()) {
            errors.add("credential_id is set on a block, not on a run");
        }
        errors.addAll(LoginChecks.violations(request.login(), null));
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Invalid workflow run request", errors,
                    Map.of("errors", errors), null);
        }
    }

    /** The parameters as an object ({} for none), checked against the schema when there is one. */
    static JsonNode checkedParameters(Workflow workflow, JsonNode parameters) {
        JsonNode params = parameters == null || parameters.isNull()
                ? JsonNodeFactory.instance.objectNode() : parameters;
        List<String> errors = !params.isObject() ? List.of("Parameters must be a JSON object")
                : workflow.parameterSchema() == null ? List.of()
                : ParameterSchemas.parameterErrors(workflow.parameterSchema(), params);
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.PARAMETER_VALIDATION_FAILED,
                    "Parameters do not match the workflow's parameter schema", errors, Map.of("errors", errors), null);
        }
        return params;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
