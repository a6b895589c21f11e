package io.skyvern.browser;

import java.util.Objects;

/** One option of a select element as the page shows it. */
public record ElementOption(String value, String label, boolean selected) {
    public ElementOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
