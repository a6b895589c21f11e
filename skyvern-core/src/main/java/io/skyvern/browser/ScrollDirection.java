package io.skyvern.browser;

/** A direction to scroll the page. */
public enum ScrollDirection {
    UP, DOWN, LEFT, RIGHT
}
