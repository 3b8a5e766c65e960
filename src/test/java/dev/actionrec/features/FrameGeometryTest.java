package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.actionrec.video.VideoFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameGeometryTest {

    /** Draws a wide image: red left third, green middle third, blue right third. */
    private static BufferedImage stripes(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (int i = 0; i < 3; i++) {
            graphics.setColor(colors[i]);
            graphics.fillRect(i * width / 3, 0, width / 3 + 1, height);
        }
        graphics.dispose();
        return image;
    }

    @Test
    void wideImageCroppedToCentre() {
        VideoFrame frame = FrameGeometry.resizeAndCrop(stripes(900, 300), 30);

        assertEquals(30, frame.width());
        assertEquals(30, frame.height());
        // The image scales to 90x30 pixels, so the 30x30 crop is its green middle third.
        for (int x : new int[] {0, 15, 29}) {
            assertEquals(0, frame.channel(x, 15, 0), "red at x=" + x);
            assertEquals(255, frame.channel(x, 15, 1), "green at x=" + x);
            assertEquals(0, frame.channel(x, 15, 2), "blue at x=" + x);
        }
    }

    @Test
    void tallImageKeepsWidth() {
        BufferedImage tall = new BufferedImage(100, 400, BufferedImage.TYPE_INT_RGB);
        tall.setRGB(50, 200, 0xFFFFFF);
        VideoFrame frame = FrameGeometry.resizeAndCrop(tall, 224);

        assertEquals(224, frame.width());
        assertEquals(224, frame.height());
        assertEquals(224 * 224 * 3, frame.rgb().length);
    }

    @Test
    void smallImageUpscaled() {
        VideoFrame frame = FrameGeometry.resizeAndCrop(stripes(30, 10), 20);
        assertEquals(20, frame.width());
        assertEquals(255, frame.channel(10, 10, 1));
    }

    @Test
    void rejectsZeroSize() {
        assertThrows(IllegalArgumentException.class,
                () -> FrameGeometry.resizeAndCrop(stripes(30, 10), 0));
    }
}
