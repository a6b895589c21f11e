package io.skyvern.auth;

/** A new organisation with its first API key (shown once). */
public record CreatedOrganization(Organization organization, CreatedApiKey firstKey) {
}
