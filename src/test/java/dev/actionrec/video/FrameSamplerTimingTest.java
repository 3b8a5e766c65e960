package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that step i is the frame on screen at i / fps by presentation timestamp, on clips whose
 * colour changes every second.
 *
 * <p>Colour k is shown from k - 0.5 s to k + 0.5 s, so the frame on screen at second k, which
 * starts at most one frame interval before k, always has colour k.
 */
class FrameSamplerTimingTest {

    private static final int SECONDS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path dir;

    private static int colourAt(double seconds) {
        return (int) Math.min(SECONDS - 1, Math.round(seconds));
    }

    @Test
    void constantRate30Fps() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("cfr30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerTimingTest::colourAt);

        assertStepsFollowSeconds(clip, 1.0 / 30);
    }

    @Test
    void ntscRate30000Over1001() throws Exception {
        double rate = 30000 / 1001.0;
        Path clip = TestVideos.colourClip(dir.resolve("ntsc.mp4"), rate,
                TestVideos.times(0, SECONDS, rate), FrameSamplerTimingTest::colourAt);

        assertStepsFollowSeconds(clip, 1 / rate);
    }

    @Test
    void variableRate30Then10Fps() throws Exception {
        List<Double> times = new ArrayList<>(TestVideos.times(0, 3, 30));
        times.addAll(TestVideos.times(3, SECONDS, 10));
        Path clip = TestVideos.colourClip(dir.resolve("vfr.mp4"), 30, times,
                FrameSamplerTimingTest::colourAt);
        assertEquals(90 + 50, countFrames(clip), "the clip is not variable-rate as intended");

        assertStepsFollowSeconds(clip, 1.0 / 10);
    }

    @Test
    void windowLongerThanVideoGivesRealStepsOnly() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("cfr30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerTimingTest::colourAt);

        SampledClip sampled = sample(clip, new SamplingParams(20, 1.0));

        assertEquals(SECONDS, sampled.realSteps());
        assertEquals(20, sampled.requestedSteps());
        assertEquals(SECONDS * 1_000_000L, sampled.decodedDurationMicros(), 1_000);
    }

    @Test
    void halfSecondClipAt8FpsGives4Steps() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("short.mp4"), 30,
                TestVideos.times(0, 0.5, 30), t -> 0);

        SampledClip sampled = sample(clip, new SamplingParams(16, 8.0));

        assertEquals(4, sampled.realSteps());
    }

    @Test
    void framesAreIndependentCopies() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("cfr30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerTimingTest::colourAt);

        SampledClip sampled = sample(clip, new SamplingParams(SECONDS, 1.0));

        List<VideoFrame> frames = sampled.frames();
        for (int k = 1; k < frames.size(); k++) {
            assertTrue(!Arrays.equals(frames.get(k - 1).rgb(), frames.get(k).rgb()),
                    "steps " + (k - 1) + " and " + k + " have identical pixels");
        }
    }

    @Test
    void repeatedFrameIsStillACopy() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("onefps.mp4"), 1,
                TestVideos.times(0, 2, 1), t -> (int) t);

        SampledClip sampled = sample(clip, new SamplingParams(4, 2.0));

        assertEquals(4, sampled.realSteps());
        VideoFrame first = sampled.frames().get(0);
        VideoFrame second = sampled.frames().get(1);
        assertEquals(first.timestampMicros(), second.timestampMicros());
        assertTrue(Arrays.equals(first.rgb(), second.rgb()));
        assertNotSame(first.rgb(), second.rgb());
    }

    @Test
    void fightClipAt8FpsGives16Steps() throws Exception {
        Path clip = SharedData.resolve("videos/fight-surveillance/fight/fi001.mp4");
        SamplingParams params = new SamplingParams(16, 8.0);

        SampledClip sampled = new FrameSampler(params, 224, TIMEOUT).sample(clip);

        assertEquals(16, sampled.realSteps());
        for (int i = 0; i < sampled.realSteps(); i++) {
            VideoFrame frame = sampled.frames().get(i);
            assertEquals(224, frame.width());
            assertEquals(224, frame.height());
            long target = params.stepTimeMicros(i);
            assertTrue(frame.timestampMicros() <= target, "step " + i + " frame after its time");
            assertTrue(frame.timestampMicros() > target - 40_000 - 1,
                    "step " + i + " frame more than one 25 fps interval before its time");
        }
    }

    private void assertStepsFollowSeconds(Path clip, double maxIntervalSeconds)
            throws IOException {
        SampledClip sampled = sample(clip, new SamplingParams(SECONDS, 1.0));

        assertEquals(SECONDS, sampled.realSteps());
        for (int k = 0; k < SECONDS; k++) {
            VideoFrame frame = sampled.frames().get(k);
            assertEquals(k, TestVideos.nearestColour(frame), "colour of step " + k);
            long target = k * 1_000_000L;
            assertTrue(frame.timestampMicros() <= target,
                    "step " + k + " took a frame after its time: " + frame.timestampMicros());
            assertTrue(frame.timestampMicros() > target - maxIntervalSeconds * 1e6 - 1,
                    "step " + k + " took a frame that was no longer on screen: "
                            + frame.timestampMicros());
        }
    }

    private SampledClip sample(Path clip, SamplingParams params) throws IOException {
        return new FrameSampler(params, 32, TIMEOUT).sample(clip);
    }

    private static int countFrames(Path clip) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toString())) {
            grabber.setImageMode(org.bytedeco.javacv.FrameGrabber.ImageMode.RAW);
            grabber.start();
            int count = 0;
            for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                count++;
            }
            return count;
        }
    }
}
