package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.video.VideoDecodeException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks damaged, unusual and missing inputs: each gives frames or one exact reason. */
class FrameSamplerInputsTest {

    private static final int CROP = 32;
    private static final SamplingParams PARAMS = new SamplingParams(30, 1.0);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path dir;

    private final FrameSampler sampler = new FrameSampler(PARAMS, CROP, TIMEOUT);

    private Path fourSecondClip(String name) throws IOException {
        return TestVideos.colourClip(dir.resolve(name), 30, TestVideos.times(0, 4, 30),
                t -> (int) t);
    }

    private Reason reasonFor(Path file) {
        VideoDecodeException error = assertThrows(VideoDecodeException.class,
                () -> sampler.sample(file));
        assertEquals(file, error.file());
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"), "message is not one line");
        return error.reason();
    }

    @Test
    void videoWithLongerAudioUsesVideoDuration() throws Exception {
        Path clip = dir.resolve("video10s_audio30s.mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=c=green:s=64x48:r=25:d=10",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
                "-c:v", "mpeg4", "-c:a", "aac", clip.toString());

        SampledClip sampled = sampler.sample(clip);

        assertEquals(10, sampled.realSteps());
        assertEquals(30, sampled.requestedSteps());
    }

    @Test
    void coverArtBesideVideoIsIgnored() throws Exception {
        Path cover = dir.resolve("cover.png");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x32:d=1", "-frames:v", "1",
                cover.toString());
        Path video = TestVideos.colourClip(dir.resolve("green.mp4"), 10,
                TestVideos.times(0, 2, 10), t -> 1);
        Path clip = dir.resolve("with_cover.mp4");
        TestVideos.ffmpeg("-i", cover.toString(), "-i", video.toString(), "-map", "0", "-map",
                "1", "-c:v:0", "mjpeg", "-c:v:1", "copy", "-disposition:v:0", "attached_pic",
                clip.toString());

        SampledClip sampled = sampler.sample(clip);

        assertEquals(2, sampled.realSteps());
        for (VideoFrame frame : sampled.frames()) {
            assertEquals(1, TestVideos.nearestColour(frame), "frame is not the green video");
        }
    }

    @Test
    void missingFileIsNotFound() {
        assertEquals(Reason.NOT_FOUND, reasonFor(dir.resolve("missing.mp4")));
    }

    @Test
    void directoryIsNotFound() {
        assertEquals(Reason.NOT_FOUND, reasonFor(dir));
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertEquals(Reason.EMPTY_FILE, reasonFor(empty));
    }

    @Test
    void textRenamedMp4IsNotAVideo() throws Exception {
        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "These are meeting notes, not a video.\n".repeat(50));

        assertEquals(Reason.NOT_A_VIDEO, reasonFor(text));
    }

    @Test
    void mp4CutBeforeMoovIsTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(fourSecondClip("whole.mp4"));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));

        assertEquals(Reason.TRUNCATED, reasonFor(cut));
    }

    @Test
    void faststartMp4CutMidwayGivesFewerSteps() throws Exception {
        Path whole = dir.resolve("faststart.mp4");
        TestVideos.ffmpeg("-i", fourSecondClip("plain.mp4").toString(), "-c", "copy",
                "-movflags", "+faststart", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

        SampledClip sampled = sampler.sample(cut);

        assertTrue(sampled.realSteps() >= 1, "no step decoded");
        assertTrue(sampled.realSteps() < 4, "all 4 steps decoded from half a file");
    }

    @Test
    void faststartMp4CutMidwayIsCutShort() throws Exception {
        Path whole = dir.resolve("faststart.mp4");
        TestVideos.ffmpeg("-i", fourSecondClip("plain.mp4").toString(), "-c", "copy",
                "-movflags", "+faststart", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

        assertFalse(isCutShort(whole));
        assertTrue(isCutShort(cut));
    }

    private static boolean isCutShort(Path file) throws Exception {
        var grabber = VideoOpener.open(file, 0);
        try {
            var format = grabber.getFormatContext();
            return VideoOpener.isCutShort(file, format, format.streams(grabber.getVideoStream()));
        } finally {
            VideoOpener.closeQuietly(grabber);
        }
    }

    @Test
    void garbledPayloadStillDecodes() throws Exception {
        Path whole = dir.resolve("faststart.mp4");
        TestVideos.ffmpeg("-i", fourSecondClip("plain.mp4").toString(), "-c", "copy",
                "-movflags", "+faststart", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Random random = new Random(42);
        for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i += 7) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Path garbled = Files.write(dir.resolve("garbled.mp4"), bytes);

        SampledClip sampled = sampler.sample(garbled);

        assertEquals(4, sampled.realSteps());
        for (VideoFrame frame : sampled.frames()) {
            assertEquals(CROP, frame.width());
        }
    }

    @Test
    void oddFileNameDecodes() throws Exception {
        Path clip = fourSecondClip("plain.mp4");
        Path odd = Files.copy(clip, dir.resolve("-clip with spaces é 動作.mp4"));

        SampledClip sampled = sampler.sample(odd);

        assertEquals(4, sampled.realSteps());
        assertEquals(odd, sampled.source());
    }

    @Test
    void fileThatNeverDeliversBytesTimesOut() throws Exception {
        Path fifo = dir.resolve("stalled.mp4");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        FrameSampler impatient = new FrameSampler(PARAMS, CROP, Duration.ofMillis(300));
        try {
            VideoDecodeException error = assertThrows(VideoDecodeException.class,
                    () -> impatient.sample(fifo));
            assertEquals(Reason.TIMEOUT, error.reason(), error.getMessage());
        } finally {
            // Opening the write end and closing it lets the abandoned decoder read end-of-file.
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("x".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
