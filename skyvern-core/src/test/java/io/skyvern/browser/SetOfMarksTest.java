package io.skyvern.browser;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SetOfMarksTest {
    private static byte[] whitePng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void ids_are_drawn_at_their_elements_and_the_image_is_a_scaled_jpeg() throws IOException {
        byte[] png = whitePng(2560, 1600);   // a 2x device: twice the viewport
        SetOfMarks.Marked marked = SetOfMarks.draw(png, List.of(new ElementBox("e12", 400, 300, 200, 40),
                new ElementBox("f1e3", 0, 0, 50, 20)));

        assertThat(marked.mediaType()).isEqualTo("image/jpeg");
        assertThat(marked.bytes()[0] & 0xff).isEqualTo(0xFF);
        assertThat(marked.bytes()[1] & 0xff).isEqualTo(0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(marked.bytes()));
        assertThat(image.getWidth()).isEqualTo(SetOfMarks.MAX_WIDTH);
        assertThat(image.getHeight()).isEqualTo(800);
        // the tag of e12 sits above its box, at half the coordinates: coloured, not white
        assertThat(isWhite(image.getRGB(201, 143))).isFalse();
        assertThat(isWhite(image.getRGB(900, 600))).as("far from any mark").isTrue();
    }

    @Test
    void a_screenshot_java_cannot_read_goes_as_it_was() {
        byte[] junk = {1, 2, 3};
        SetOfMarks.Marked marked = SetOfMarks.draw(junk, List.of(new ElementBox("e1", 0, 0, 5, 5)));

        assertThat(marked.bytes()).isSameAs(junk);
        assertThat(marked.mediaType()).isEqualTo("image/png");
    }

    private static boolean isWhite(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 235 && c.getGreen() > 235 && c.getBlue() > 235;
    }
}
