package io.skyvern.browser;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The screenshot the model sees with vision on: each element id on screen drawn at its element
 * (a box and a tag, as Skyvern and browser-use do), scaled to at most {@value #MAX_WIDTH} px wide
 * and JPEG-compressed. The marks are drawn here, on the image, rather than by an overlay injected
 * into the page: the page is not touched (no DOM mutation for the settle check and the page-change
 * guard to see, nothing for the page's scripts to observe or for a failure to leave behind), and it
 * needs no fonts: ids ({@code e12}, {@code f1e3}) are drawn with a small built-in pixel font, so a
 * headless server without fontconfig draws them too. The screenshots kept as artifacts stay as
 * they are. Pure and thread-safe.
 */
public final class SetOfMarks {
    public static final int MAX_WIDTH = 1280;
    private static final float QUALITY = 0.7f;
    private static final int PIXEL = 2;
    private static final Color[] COLORS = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8),
        new Color(0xF58231), new Color(0x911EB4), new Color(0x008080)};
    /** 3x5 glyphs, one string of 15 bits per character, row by row. */
    private static final Map<Character, String> GLYPHS = Map.ofEntries(
            Map.entry('0', "111101101101111"), Map.entry('1', "010110010010111"), Map.entry('2', "111001111100111"),
            Map.entry('3', "111001111001111"), Map.entry('4', "101101111001001"), Map.entry('5', "111100111001111"),
            Map.entry('6', "111100111101111"), Map.entry('7', "111001010010010"), Map.entry('8', "111101111101111"),
            Map.entry('9', "111101111001111"), Map.entry('e', "000111111100111"), Map.entry('f', "011100110100100"));

    private SetOfMarks() {
    }

    /** The image for the model: a JPEG; or {@code screenshot} as it was when it is not an image Java can read. */
    public record Marked(byte[] bytes, String mediaType) {
    }

    public static Marked draw(byte[] screenshot, List<ElementBox> boxes) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(screenshot));
        } catch (IOException e) {
            source = null;
        }
        if (source == null) {
            return new Marked(screenshot, "image/png");
        }
        double scale = source.getWidth() > MAX_WIDTH ? (double) MAX_WIDTH / source.getWidth() : 1.0;
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
            int i = 0;
            for (ElementBox b : boxes) {
                mark(g, b, scale, COLORS[i++ % COLORS.length], w, h);
            }
        } finally {
            g.dispose();
        }
        return new Marked(jpeg(out), "image/jpeg");
    }

    private static void mark(Graphics2D g, ElementBox b, double scale, Color color, int w, int h) {
        int x = (int) Math.round(b.x() * scale);
        int y = (int) Math.round(b.y() * scale);
        g.setColor(color);
        g.drawRect(x, y, Math.max(1, (int) Math.round(b.width() * scale)), Math.max(1, (int) Math.round(b.height() * scale)));
        String id = b.id();
        int tagW = id.length() * 4 * PIXEL + PIXEL;
        int tagH = 7 * PIXEL;
        int tx = Math.max(0, Math.min(x, w - tagW));
        int ty = Math.max(0, Math.min(y - tagH, h - tagH));   // above the box, or inside it at the top of the page
        g.fillRect(tx, ty, tagW, tagH);
        g.setColor(Color.WHITE);
        for (int c = 0; c < id.length(); c++) {
            String glyph = GLYPHS.get(id.charAt(c));
            if (glyph == null) {
                continue;
            }
            for (int bit = 0; bit < 15; bit++) {
                if (glyph.charAt(bit) == '1') {
                    g.fillRect(tx + PIXEL + (c * 4 + bit % 3) * PIXEL, ty + PIXEL + (bit / 3) * PIXEL, PIXEL, PIXEL);
                }
            }
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("JPEG encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
