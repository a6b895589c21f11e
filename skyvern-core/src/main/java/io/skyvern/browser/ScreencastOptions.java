package io.skyvern.browser;

/**
 * How big and how compressed screencast frames are: these bound the bandwidth of a live view
 * (at quality 45 and 800 px wide, a frame of an ordinary page is some tens of kB).
 */
public record ScreencastOptions(int maxWidth, int maxHeight, int jpegQuality) {
    public static final ScreencastOptions DEFAULT = new ScreencastOptions(800, 600, 45);

    public ScreencastOptions {
        if (maxWidth < 100 || maxHeight < 100 || jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("maxWidth/maxHeight >= 100, jpegQuality 1..100");
        }
    }
}
