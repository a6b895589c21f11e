package io.skyvern.server.mcp;

import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.server.middleware.FailedAuthLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The API key check of /mcp (a servlet beside Javalin's, so the Javalin middleware does not run
 * for it): {@code x-api-key} or {@code Authorization: Bearer}, wrong keys counted against the same
 * {@link FailedAuthLimiter} as the API's. Leaves the organisation id as a request attribute.
 */
final class McpAuthFilter extends HttpFilter {
    static final String ORGANIZATION_ID = "skyvern.mcp.organizationId";
    private final OrganizationService organizations;
    private final FailedAuthLimiter failures;

    McpAuthFilter(OrganizationService organizations, FailedAuthLimiter failures) {
        this.organizations = organizations;
        this.failures = failures;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = presentedKey(request);
        if (key == null) {
            refuse(response, 401, "UNAUTHORIZED", "API key required");
            return;
        }
        String address = request.getRemoteAddr();
        OptionalLong blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(blocked.getAsLong()));
            refuse(response, 429, "RATE_LIMIT_EXCEEDED", "Too many failed authentications");
            return;
        }
        Optional<Organization> organization = organizations.authenticate(key);
        if (organization.isEmpty()) {
            failures.failed(address);
            refuse(response, 401, "UNAUTHORIZED", "Invalid API key");
            return;
        }
        request.setAttribute(ORGANIZATION_ID, organization.get().organizationId());
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader("x-api-key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank()) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\""
                + message + "\",\"details\":{}}}").getBytes(StandardCharsets.UTF_8));
    }
}
