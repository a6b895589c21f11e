package io.skyvern.browser;

/**
 * How big and how compressed screencast frames are: these bound the bandwidth of a live view
 * (at quality 50 and 1024 px wide, a frame of an ordinary page is 30–80 kB).
 */
public record ScreencastOptions(int maxWidth, int maxHeight, int jpegQuality) {
    public static final ScreencastOptions DEFAULT = new ScreencastOptions(1024, 768, 50);

    public ScreencastOptions {
        if (maxWidth < 100 || maxHeight < 100 || jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("maxWidth/maxHeight >= 100, jpegQuality 1..100");
        }
    }
}
