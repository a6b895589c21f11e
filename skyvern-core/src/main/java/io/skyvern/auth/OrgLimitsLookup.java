package io.skyvern.auth;

import io.skyvern.config.OrgLimits;

/**
 * Finds an organisation's limits. {@link OrganizationService} implements it; services that check
 * limits depend on this narrow interface only.
 */
@FunctionalInterface
public interface OrgLimitsLookup {
    /** The limits of an existing organisation, or ORGANIZATION_NOT_FOUND. */
    OrgLimits limitsOf(String organizationId);
}
