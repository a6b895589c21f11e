package io.skyvern.auth;

import io.skyvern.config.OrgLimits;

import java.time.Instant;

/**
 * A tenant. Every task, workflow and run belongs to one; another organisation's objects are
 * invisible (not found). The bootstrap organisation (made at first start) may create others.
 * The webhook signing key is never part of this record's {@code toString}.
 */
public record Organization(String organizationId, String name, boolean bootstrap, OrgLimits limits,
                           String webhookSigningKey, Instant createdAt, Instant modifiedAt) {
    @Override
    public String toString() {
        return "Organization[organizationId=" + organizationId + ", name=" + name + ", bootstrap=" + bootstrap
                + ", limits=" + limits + "]";
    }
}
