package io.skyvern.server.org;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A body with just a name (new organisation, new API key). The name must be there (422 when it is
 * not); whether it is a good name (not blank, not too long) is the service's rule (400).
 */
public record NameBody(@JsonProperty(required = true) String name) {
}
