package dev.actionrec.video;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes sampled frames, exactly as the backbone receives them, to PNG files for inspection. */
public final class FrameDump {

    private FrameDump() {}

    /**
     * Writes one PNG per real step, named {@code step_SS_tT.TTTs.png} with the step index and the
     * frame's presentation time in seconds, e.g. {@code step_00_t0.000s.png}.
     *
     * @param clip sampled frames
     * @param dir output folder, created if missing
     * @return the written files in step order
     * @throws IOException if the folder or a file cannot be written
     */
    public static List<Path> writePngs(SampledClip clip, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<VideoFrame> frames = clip.frames();
        int digits = Math.max(2, String.valueOf(frames.size() - 1).length());
        for (int step = 0; step < frames.size(); step++) {
            VideoFrame frame = frames.get(step);
            String name = String.format(Locale.ROOT, "step_%0" + digits + "d_t%.3fs.png", step,
                    frame.timestampMicros() / 1e6);
            Path file = dir.resolve(name);
            write(toImage(frame), file);
            written.add(file);
        }
        return written;
    }

    /**
     * Writes all real steps side by side in one PNG grid, in step order, row by row.
     *
     * @param clip sampled frames, at least one
     * @param file output PNG file
     * @param columns frames per row, at least 1
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the clip has no frame or {@code columns < 1}
     */
    public static void writeContactSheet(SampledClip clip, Path file, int columns)
            throws IOException {
        List<VideoFrame> frames = clip.frames();
        if (frames.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("contact sheet needs at least one frame and one"
                    + " column, got " + frames.size() + " frames and " + columns + " columns");
        }
        int cell = frames.get(0).width();
        int cellHeight = frames.get(0).height();
        int used = Math.min(columns, frames.size());
        int rows = (frames.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(used * cell, rows * cellHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = sheet.createGraphics();
        try {
            for (int i = 0; i < frames.size(); i++) {
                graphics.drawImage(toImage(frames.get(i)), (i % columns) * cell,
                        (i / columns) * cellHeight, null);
            }
        } finally {
            graphics.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        write(sheet, file);
    }

    /** Converts a frame to a {@link BufferedImage} of type {@code TYPE_INT_RGB}. */
    public static BufferedImage toImage(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(),
                BufferedImage.TYPE_INT_RGB);
        byte[] rgb = frame.rgb();
        int[] row = new int[frame.width()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * 3;
                row[x] = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            }
            image.setRGB(0, y, frame.width(), 1, row, 0, frame.width());
        }
        return image;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }
}
