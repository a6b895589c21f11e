package io.skyvern.server.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyvern.auth.Organization;
import io.skyvern.config.OrgLimits;

import java.time.Instant;

/**
 * An organisation on the wire. The webhook signing key is shown only to the organisation itself
 * (GET /organizations/me), which needs it to verify webhook signatures.
 */
public record OrganizationResponse(String organizationId, String name, @JsonProperty("is_bootstrap") boolean isBootstrap,
                                   OrgLimits limits,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSigningKey,
                                   Instant createdAt, Instant modifiedAt) {
    static OrganizationResponse of(Organization o, boolean withSigningKey) {
        return new OrganizationResponse(o.organizationId(), o.name(), o.bootstrap(), o.limits(),
                withSigningKey ? o.webhookSigningKey() : null, o.createdAt(), o.modifiedAt());
    }
}
