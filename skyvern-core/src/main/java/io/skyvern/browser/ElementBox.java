package io.skyvern.browser;

import java.util.Objects;

/**
 * Where an element with an id is drawn in the viewport, in CSS pixels, for the set-of-marks
 * screenshot.
 */
public record ElementBox(String id, int x, int y, int width, int height) {
    public ElementBox {
        Objects.requireNonNull(id, "id");
    }
}
