package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.totp.TotpSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a task's login settings and of the TOTP generators in its payload, reported like
 * the other task rules (no secret is ever quoted). Whether the credential exists is checked by the
 * execution hooks, which can see the credential store.
 */
public final class LoginChecks {
    public static final int MAX_IDENTIFIER = 320;
    public static final int MAX_URL = 2048;
    private static final Pattern CREDENTIAL_ID = Pattern.compile("cred_[A-Za-z0-9_-]{1,60}");

    private LoginChecks() {
    }

    public static List<String> violations(LoginSettings login, JsonNode payload) {
        List<String> errors = new ArrayList<>();
        login.credentialId().filter(id -> !CREDENTIAL_ID.matcher(id).matches())
                .ifPresent(id -> errors.add("credential_id must look like cred_<id>"));
        login.totpIdentifier().filter(id -> id.length() > MAX_IDENTIFIER || id.chars().anyMatch(Character::isISOControl))
                .ifPresent(id -> errors.add("totp_identifier must be an email address or phone number of at most "
                        + MAX_IDENTIFIER + " characters"));
        login.totpVerificationUrl().filter(url -> !isHttpUrl(url))
                .ifPresent(url -> errors.add("totp_verification_url must be an http:// or https:// URL with a host "
                        + "(at most " + MAX_URL + " characters)"));
        if (login.totpIdentifier().isPresent() && login.totpVerificationUrl().isPresent()) {
            errors.add("give totp_identifier or totp_verification_url, not both");
        }
        checkGenerators(payload, "navigation_payload", errors);
        return errors;
    }

    private static void checkGenerators(JsonNode node, String path, List<String> errors) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = path + "." + f.getKey();
                if (TotpSpec.isSpec(f.getValue())) {
                    TotpSpec.problem(f.getValue()).ifPresent(p -> errors.add(child + ": " + p));
                } else {
                    checkGenerators(f.getValue(), child, errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkGenerators(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    static boolean isHttpUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
