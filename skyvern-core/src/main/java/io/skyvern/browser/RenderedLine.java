package io.skyvern.browser;

/**
 * One line of a rendered page and what the page budget needs to know of it.
 *
 * @param text   the line, without its line break; empty for nodes said elsewhere (counted, not shown)
 * @param nodes  how many snapshot nodes it stands for (the count a cut reports)
 * @param screen where its first node was, in viewport heights (0 on screen, 1 the next screen below)
 */
record RenderedLine(String text, int nodes, int screen) {
    /** Whether the line is a table row ({@code | cell | cell |}). */
    boolean isRow() {
        return text.stripLeading().startsWith("|");
    }

    /** How many element ids the line shows (an escaped page text cannot contain {@code <}). */
    int ids() {
        int n = 0;
        for (int at = text.indexOf(" id="); at >= 0; at = text.indexOf(" id=", at + 4)) {
            n++;
        }
        return n;
    }
}
