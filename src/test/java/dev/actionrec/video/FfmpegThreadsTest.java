package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.actionrec.testing.SharedData;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FFmpeg's decoder threads: they reach the decoder and do not change the sampled frames. */
class FfmpegThreadsTest {

    private static final SamplingParams PARAMS = new SamplingParams(8, 4.0);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @ParameterizedTest
    @EnumSource(DecodeStrategy.class)
    void threadCountKeepsFramesIdentical(DecodeStrategy strategy) throws VideoDecodeException {
        Path clip = SharedData.resolve("videos/fight-surveillance/fight/fi003.mp4");
        FrameSampler sampler = new FrameSampler(PARAMS, 224, TIMEOUT).withStrategy(strategy);

        SampledClip single = sampler.withFfmpegThreads(1).sample(clip);
        SampledClip automatic = sampler.withFfmpegThreads(0).sample(clip);
        SampledClip four = sampler.withFfmpegThreads(4).sample(clip);

        assertSameFrames(single, automatic, "automatic");
        assertSameFrames(single, four, "4 threads");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void decoderGetsRequestedThreads(int threads) throws Exception {
        Path clip = SharedData.resolve("videos/fight-surveillance/fight/fi003.mp4");

        FFmpegFrameGrabber grabber = VideoOpener.open(clip, threads);
        try {
            Field field = FFmpegFrameGrabber.class.getDeclaredField("video_c");
            field.setAccessible(true);
            AVCodecContext decoder = (AVCodecContext) field.get(grabber);

            assertEquals(threads, decoder.thread_count());
        } finally {
            VideoOpener.closeQuietly(grabber);
        }
    }

    @Test
    void negativeThreadsAreRejected() {
        FrameSampler sampler = new FrameSampler(PARAMS, 224, TIMEOUT);

        assertThrows(IllegalArgumentException.class, () -> sampler.withFfmpegThreads(-1));
    }

    private static void assertSameFrames(SampledClip expected, SampledClip actual, String name) {
        assertEquals(PARAMS.frames(), expected.realSteps(), name);
        assertEquals(expected.realSteps(), actual.realSteps(), name);
        assertEquals(expected.strategy(), actual.strategy(), name);
        for (int i = 0; i < expected.realSteps(); i++) {
            VideoFrame want = expected.frames().get(i);
            VideoFrame got = actual.frames().get(i);
            assertEquals(want.timestampMicros(), got.timestampMicros(), name + " step " + i);
            assertArrayEquals(want.rgb(), got.rgb(), name + " step " + i);
        }
    }
}
