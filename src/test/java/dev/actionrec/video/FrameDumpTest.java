package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameDumpTest {

    @TempDir Path dir;

    private SampledClip sampledColourClip() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("colours.mp4"), 10,
                TestVideos.times(0, 3, 10), t -> (int) t);
        return new FrameSampler(new SamplingParams(3, 1.0), 16, Duration.ofSeconds(30))
                .sample(clip);
    }

    @Test
    void pngsAreNamedByStepAndTime() throws Exception {
        SampledClip clip = sampledColourClip();

        List<Path> files = FrameDump.writePngs(clip, dir.resolve("frames"));

        assertEquals(3, files.size());
        assertEquals("step_00_t0.000s.png", files.get(0).getFileName().toString());
        assertEquals("step_01_t1.000s.png", files.get(1).getFileName().toString());
        assertEquals("step_02_t2.000s.png", files.get(2).getFileName().toString());
    }

    @Test
    void pngHoldsExactFramePixels() throws Exception {
        SampledClip clip = sampledColourClip();

        List<Path> files = FrameDump.writePngs(clip, dir.resolve("frames"));

        for (int step = 0; step < files.size(); step++) {
            VideoFrame frame = clip.frames().get(step);
            BufferedImage image = ImageIO.read(files.get(step).toFile());
            assertEquals(frame.width(), image.getWidth());
            assertEquals(frame.height(), image.getHeight());
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    int rgb = image.getRGB(x, y);
                    assertEquals(frame.channel(x, y, 0), rgb >> 16 & 0xFF);
                    assertEquals(frame.channel(x, y, 1), rgb >> 8 & 0xFF);
                    assertEquals(frame.channel(x, y, 2), rgb & 0xFF);
                }
            }
        }
    }

    @Test
    void contactSheetPlacesStepsInGrid() throws Exception {
        SampledClip clip = sampledColourClip();
        Path sheetFile = dir.resolve("sheet.png");

        FrameDump.writeContactSheet(clip, sheetFile, 2);

        BufferedImage sheet = ImageIO.read(sheetFile.toFile());
        assertEquals(32, sheet.getWidth());
        assertEquals(32, sheet.getHeight());
        VideoFrame third = clip.frames().get(2);
        int rgb = sheet.getRGB(8, 24);
        assertEquals(third.channel(8, 8, 0), rgb >> 16 & 0xFF);
        assertEquals(third.channel(8, 8, 2), rgb & 0xFF);
    }
}
