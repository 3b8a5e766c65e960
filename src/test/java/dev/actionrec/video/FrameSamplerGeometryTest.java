package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks rotation, sample aspect ratio and cropping against the ffmpeg command line. */
class FrameSamplerGeometryTest {

    private static final int CROP = 32;
    private static final SamplingParams ONE_STEP = new SamplingParams(1, 1.0);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path dir;

    /** Blue 64x48 picture with a red top-left quadrant, tagged with a display rotation. */
    private Path rotatedClip(int rotateTag) {
        Path plain = dir.resolve("plain.mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x48:r=10:d=1,"
                + "drawbox=x=0:y=0:w=32:h=24:color=red:t=fill", "-c:v", "mpeg4", "-q:v", "2",
                plain.toString());
        Path rotated = dir.resolve("rotate" + rotateTag + ".mp4");
        TestVideos.ffmpeg("-i", plain.toString(), "-c", "copy", "-metadata:s:v:0",
                "rotate=" + rotateTag, rotated.toString());
        return rotated;
    }

    @ParameterizedTest(name = "rotate tag {0}")
    @CsvSource({"0, 0, 0", "90, 270, 2", "180, 180, 3", "270, 90, 1"})
    void rotationMatchesFfmpegCli(int rotateTag, int clockwise, int redQuadrant)
            throws Exception {
        Path clip = rotatedClip(rotateTag);

        SampledClip sampled = new FrameSampler(ONE_STEP, CROP, TIMEOUT).sample(clip);

        assertEquals(clockwise, sampled.rotationDegrees());
        VideoFrame frame = sampled.frames().get(0);
        byte[] cli = TestVideos.cliFirstFrame(clip, CROP);
        VideoFrame cliFrame = new VideoFrame(0, CROP, CROP, cli);
        assertEquals(redQuadrant, redQuadrant(cliFrame), "red quadrant in the ffmpeg CLI output");
        assertEquals(redQuadrant, redQuadrant(frame), "red quadrant in the sampled frame");
        int sideways = clockwise % 180 == 0 ? 0 : 1;
        assertEquals(sideways == 0 ? 64 : 48, sampled.displayWidth());
        assertEquals(sideways == 0 ? 48 : 64, sampled.displayHeight());
    }

    @Test
    void phoneClipRotated180MatchesCli() throws Exception {
        Path clip = SharedData.resolve("videos/tricky/phone_android_rotate180_fps90000.mp4");

        SampledClip sampled = new FrameSampler(ONE_STEP, 64, TIMEOUT).sample(clip);

        assertEquals(180, sampled.rotationDegrees());
        assertEquals(1280, sampled.displayWidth());
        assertEquals(720, sampled.displayHeight());
        byte[] ours = sampled.frames().get(0).rgb();
        byte[] cli = TestVideos.cliFirstFrame(clip, 64);
        double upright = TestVideos.meanAbsDifference(ours, cli);
        double upsideDown = TestVideos.meanAbsDifference(CropScaler.rotate(ours, 64, 180), cli);
        assertTrue(upright < 10, "differs from the ffmpeg CLI frame by " + upright);
        assertTrue(upright * 2 < upsideDown,
                "upright " + upright + " is not clearly closer than upside-down " + upsideDown);
    }

    @Test
    void anamorphicFileUsesDisplayAspect() throws Exception {
        Path clip = SharedData.resolve("videos/tricky/anamorphic_sar_2to1.mp4");

        SampledClip sampled = new FrameSampler(ONE_STEP, 64, TIMEOUT).sample(clip);

        assertEquals(1280, sampled.displayWidth());
        assertEquals(360, sampled.displayHeight());
        double difference =
                TestVideos.meanAbsDifference(sampled.frames().get(0).rgb(),
                        TestVideos.cliFirstFrame(clip, 64));
        assertTrue(difference < 10, "differs from the ffmpeg CLI frame by " + difference);
    }

    @Test
    void syntheticSar2To1CropsDisplayCentre() throws Exception {
        // Stored 64x64 with red outer quarters. At 2:1 display (128x64) the centre square is blue.
        Path clip = dir.resolve("sar2.mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x64:r=10:d=1,"
                + "drawbox=x=0:y=0:w=16:h=64:color=red:t=fill,"
                + "drawbox=x=48:y=0:w=16:h=64:color=red:t=fill,setsar=2/1",
                "-c:v", "mpeg4", "-q:v", "2", clip.toString());

        SampledClip sampled = new FrameSampler(ONE_STEP, CROP, TIMEOUT).sample(clip);

        assertEquals(128, sampled.displayWidth());
        assertEquals(64, sampled.displayHeight());
        VideoFrame frame = sampled.frames().get(0);
        for (int x : new int[] {0, CROP / 2, CROP - 1}) {
            assertTrue(frame.channel(x, CROP / 2, 2) > 200, "column " + x + " is not blue");
            assertTrue(frame.channel(x, CROP / 2, 0) < 60, "column " + x + " has red");
        }
    }

    /**
     * Returns the quadrant with the most red: 0 top-left, 1 top-right, 2 bottom-left, 3
     * bottom-right.
     */
    private static int redQuadrant(VideoFrame frame) {
        int half = frame.width() / 2;
        int best = -1;
        long bestRed = -1;
        for (int q = 0; q < 4; q++) {
            long red = 0;
            for (int y = (q / 2) * half; y < (q / 2 + 1) * half; y++) {
                for (int x = (q % 2) * half; x < (q % 2 + 1) * half; x++) {
                    red += frame.channel(x, y, 0) - frame.channel(x, y, 2);
                }
            }
            if (red > bestRed) {
                bestRed = red;
                best = q;
            }
        }
        return best;
    }
}
