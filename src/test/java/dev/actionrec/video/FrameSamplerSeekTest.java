package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that seeking to keyframes gives the same frames as sequential decoding, and which
 * strategy the sampler chooses from the keyframe index.
 *
 * <p>Colour clips show colour k from k - 0.5 s to k + 0.5 s, as in {@link
 * FrameSamplerTimingTest}. Their MPEG-4 Part 2 encoder writes a keyframe at each scene cut and
 * after at most 12 frames, unless the test sets another group-of-pictures size.
 */
class FrameSamplerSeekTest {

    private static final int SECONDS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path dir;

    private static int colourAt(double seconds) {
        return (int) Math.min(SECONDS - 1, Math.round(seconds));
    }

    @Test
    void constantRate30FpsSameFrames() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("cfr30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerSeekTest::colourAt);

        assertStrategiesGiveSecondColours(clip);
    }

    @Test
    void ntscRate30000Over1001SameFrames() throws Exception {
        double rate = 30000 / 1001.0;
        Path clip = TestVideos.colourClip(dir.resolve("ntsc.mp4"), rate,
                TestVideos.times(0, SECONDS, rate), FrameSamplerSeekTest::colourAt);

        assertStrategiesGiveSecondColours(clip);
    }

    @Test
    void variableRate30Then10FpsSameFrames() throws Exception {
        List<Double> times = new ArrayList<>(TestVideos.times(0, 3, 30));
        times.addAll(TestVideos.times(3, SECONDS, 10));
        Path clip = TestVideos.colourClip(dir.resolve("vfr.mp4"), 30, times,
                FrameSamplerSeekTest::colourAt);

        assertStrategiesGiveSecondColours(clip);
    }

    @Test
    void bFramesSameFrames() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("bframes.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerSeekTest::colourAt, 12, 2);

        assertStrategiesGiveSecondColours(clip);
    }

    /**
     * Keyframes every second with B-frames. In MP4 a keyframe's decode time is one or more
     * frames before its presentation time, and each step time falls in between. So the seek
     * lands on a keyframe shown after the step and must go back to the keyframe before it.
     */
    @Test
    void stepBetweenKeyframeDecodeAndShowTime() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("bframes-gop30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), t -> 0, 30, 2);
        SamplingParams params = new SamplingParams(4, 1 / 0.99);

        SampledClip sequential = sampler(params).withStrategy(DecodeStrategy.SEQUENTIAL)
                .sample(clip);
        long seeksBefore = KeyframeSeeker.seekCount();
        SampledClip seek = sampler(params).withStrategy(DecodeStrategy.SEEK).sample(clip);

        assertTrue(KeyframeSeeker.seekCount() > seeksBefore, "the seek strategy never sought");
        assertEquals(DecodeStrategy.SEEK, seek.strategy());
        assertEquals(4, seek.realSteps());
        assertSameFrames(sequential, seek);
    }

    @Test
    void frequentKeyframesChooseSeek() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("gop5.mp4"), 10,
                TestVideos.times(0, 60, 10), t -> (int) t % TestVideos.PALETTE.length, 5, 0);
        SamplingParams params = new SamplingParams(30, 1.0);

        SampledClip chosen = sampler(params).sample(clip);
        SampledClip sequential = sampler(params).withStrategy(DecodeStrategy.SEQUENTIAL)
                .sample(clip);

        assertEquals(DecodeStrategy.SEEK, chosen.strategy());
        assertSameFrames(sequential, chosen);
    }

    @Test
    void sparseKeyframesChooseSequential() throws Exception {
        // One colour throughout, because the encoder also starts a keyframe at each scene cut.
        Path clip = TestVideos.colourClip(dir.resolve("gop300.mp4"), 10,
                TestVideos.times(0, 60, 10), t -> 0, 300, 0);

        SampledClip chosen = sampler(new SamplingParams(30, 1.0)).sample(clip);

        assertEquals(DecodeStrategy.SEQUENTIAL, chosen.strategy());
        assertEquals(30, chosen.realSteps());
    }

    @Test
    void windowPastEndSameFramesAndDuration() throws Exception {
        Path clip = TestVideos.colourClip(dir.resolve("cfr30.mp4"), 30,
                TestVideos.times(0, SECONDS, 30), FrameSamplerSeekTest::colourAt);
        SamplingParams params = new SamplingParams(20, 1.0);

        SampledClip sequential = sampler(params).withStrategy(DecodeStrategy.SEQUENTIAL)
                .sample(clip);
        SampledClip seek = sampler(params).withStrategy(DecodeStrategy.SEEK).sample(clip);

        assertEquals(SECONDS, seek.realSteps());
        assertEquals(sequential.decodedDurationMicros(), seek.decodedDurationMicros());
        assertSameFrames(sequential, seek);
    }

    @Test
    void realFilesSameFrames() throws Exception {
        // Each sampling rate puts a later step after a keyframe other than the first one.
        Map<String, Double> fpsByVideo = Map.of(
                "videos/tricky/phone_android9_vfr_1.6s.mp4", 2.0,
                "videos/tricky/cinepak_29.6s_tree.avi", 0.5,
                "videos/tricky/mjpeg_avi_webcam_pcm_u8.avi", 2.0,
                "videos/tricky/long_79s_people_walking_msmpeg4v3.avi", 0.25);
        for (Map.Entry<String, Double> entry : fpsByVideo.entrySet()) {
            String video = entry.getKey();
            Path clip = SharedData.resolve(video);
            SamplingParams params = new SamplingParams(8, entry.getValue());
            FrameSampler sampler = new FrameSampler(params, 64, TIMEOUT);

            SampledClip sequential = sampler.withStrategy(DecodeStrategy.SEQUENTIAL).sample(clip);
            long seeksBefore = KeyframeSeeker.seekCount();
            SampledClip seek = sampler.withStrategy(DecodeStrategy.SEEK).sample(clip);

            assertTrue(KeyframeSeeker.seekCount() > seeksBefore, video + ": never sought");
            assertEquals(DecodeStrategy.SEEK, seek.strategy(), video);
            assertSameFrames(sequential, seek);
        }
    }

    @Test
    void chooseRuleComparesGapToHalfStep() {
        assertEquals(DecodeStrategy.SEEK, ClipDecoder.choose(500_000, 1_000_000));
        assertEquals(DecodeStrategy.SEQUENTIAL, ClipDecoder.choose(500_001, 1_000_000));
        assertEquals(DecodeStrategy.SEQUENTIAL,
                ClipDecoder.choose(Double.POSITIVE_INFINITY, 1_000_000));
    }

    private void assertStrategiesGiveSecondColours(Path clip) throws IOException {
        SamplingParams params = new SamplingParams(SECONDS, 1.0);
        SampledClip sequential = sampler(params).withStrategy(DecodeStrategy.SEQUENTIAL)
                .sample(clip);
        long seeksBefore = KeyframeSeeker.seekCount();
        SampledClip seek = sampler(params).withStrategy(DecodeStrategy.SEEK).sample(clip);

        assertTrue(KeyframeSeeker.seekCount() > seeksBefore, "the seek strategy never sought");
        assertEquals(DecodeStrategy.SEQUENTIAL, sequential.strategy());
        assertEquals(DecodeStrategy.SEEK, seek.strategy());
        assertEquals(SECONDS, seek.realSteps());
        for (int k = 0; k < SECONDS; k++) {
            assertEquals(k, TestVideos.nearestColour(seek.frames().get(k)), "seek step " + k);
            assertEquals(k, TestVideos.nearestColour(sequential.frames().get(k)),
                    "sequential step " + k);
        }
        assertSameFrames(sequential, seek);
    }

    private static void assertSameFrames(SampledClip expected, SampledClip actual) {
        String file = actual.source().getFileName().toString();
        assertEquals(expected.realSteps(), actual.realSteps(), file + ": steps");
        for (int k = 0; k < expected.realSteps(); k++) {
            VideoFrame want = expected.frames().get(k);
            VideoFrame got = actual.frames().get(k);
            assertEquals(want.timestampMicros(), got.timestampMicros(),
                    file + ": timestamp of step " + k);
            assertArrayEquals(want.rgb(), got.rgb(), file + ": pixels of step " + k);
        }
    }

    private static FrameSampler sampler(SamplingParams params) {
        return new FrameSampler(params, 32, TIMEOUT);
    }
}
