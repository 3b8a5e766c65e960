package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Resizes and crops still images into backbone-sized frames. */
public final class FrameGeometry {

    private FrameGeometry() {}

    /**
     * Scales an image so that its shorter side is {@code size} pixels (bilinear), then cuts the
     * centred {@code size x size} square.
     *
     * @param image any image, whose alpha channel is dropped
     * @param size output width and height in pixels, at least 1
     * @return a frame with timestamp 0
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    public static VideoFrame resizeAndCrop(BufferedImage image, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("crop size must be at least 1, got " + size);
        }
        double scale = (double) size / Math.min(image.getWidth(), image.getHeight());
        int scaledWidth = Math.max(size, (int) Math.round(image.getWidth() * scale));
        int scaledHeight = Math.max(size, (int) Math.round(image.getHeight() * scale));
        int left = (scaledWidth - size) / 2;
        int top = (scaledHeight - size) / 2;

        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = square.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, -left, -top, scaledWidth, scaledHeight, null);
        } finally {
            graphics.dispose();
        }
        return new VideoFrame(0, size, size, toRgb(square));
    }

    private static byte[] toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
        return rgb;
    }
}
