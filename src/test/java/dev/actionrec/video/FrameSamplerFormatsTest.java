package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes short clips in many codecs, containers, pixel formats and frame sizes, all written by
 * the ffmpeg program bundled with JavaCV, and checks colours, edges and step counts.
 *
 * <p>Each clip is 2 s at 25 fps. The left half of the picture has one colour and the right half
 * another, and both colours change at 1 s. A wrong line stride shears the boundary between the
 * halves across rows, and padding read as picture shows up as dark columns at an edge, so both
 * fail the column checks. A case whose encoder or pixel format the bundled ffmpeg lacks is
 * skipped, with the reason in the skip message and in a WARN.
 */
class FrameSamplerFormatsTest {

    private static final Logger LOG = LoggerFactory.getLogger(FrameSamplerFormatsTest.class);

    private static final int CROP = 32;
    /** Steps at 0, 0.5, ..., 2.5 s: the 2 s clips fill the first 4 of the 6 steps. */
    private static final SamplingParams PARAMS = new SamplingParams(6, 2.0);
    private static final int EXPECTED_STEPS = 4;
    private static final long CLIP_MICROS = 2_000_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Maximum mean absolute difference per channel, 0-255, between a column and its colour. */
    private static final double TOLERANCE = 20;

    /** Left and right colours as RGB in the first second, then in the second second. */
    private static final int[][][] HALVES = {
        {{255, 0, 0}, {0, 0, 255}},
        {{0, 255, 0}, {255, 255, 0}},
    };

    private static Set<String> encoders;

    @TempDir Path dir;

    /**
     * One clip to write: encoder and its options, pixel format ({@code null} leaves the choice to
     * ffmpeg), frame size and file extension, which picks the container.
     */
    record Format(String label, String encoder, String pixelFormat, int width, int height,
            String extension, List<String> options) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Format> formats() {
        List<String> mpegQuality = List.of("-q:v", "2");
        List<String> vpx = List.of("-crf", "10", "-b:v", "1M", "-deadline", "realtime",
                "-cpu-used", "8");
        return Stream.of(
                new Format("mpeg4 width 322 not a multiple of 8", "mpeg4", "yuv420p", 322, 242,
                        "mp4", mpegQuality),
                new Format("mpeg4 odd size 321x241", "mpeg4", "yuv420p", 321, 241, "mp4",
                        mpegQuality),
                new Format("ffv1 yuv444p odd size 321x241", "ffv1", "yuv444p", 321, 241, "mkv",
                        List.of()),
                new Format("ffv1 yuv420p odd size 241x321", "ffv1", "yuv420p", 241, 321, "mkv",
                        List.of()),
                new Format("mpeg4 tiny 16x16", "mpeg4", "yuv420p", 16, 16, "mp4", mpegQuality),
                new Format("mjpeg tiny 16x16", "mjpeg", "yuvj420p", 16, 16, "avi", mpegQuality),
                new Format("ffv1 10-bit yuv420p10le", "ffv1", "yuv420p10le", 66, 50, "mkv",
                        List.of()),
                new Format("gif", "gif", null, 66, 50, "gif", List.of()),
                new Format("mjpeg in avi", "mjpeg", "yuvj420p", 66, 50, "avi", mpegQuality),
                new Format("vp8 in webm", "libvpx", "yuv420p", 66, 50, "webm", vpx),
                new Format("vp9 in webm", "libvpx-vp9", "yuv420p", 66, 50, "webm", vpx),
                new Format("vp9 yuv444p odd size 321x241", "libvpx-vp9", "yuv444p", 321, 241,
                        "webm", vpx),
                new Format("mpeg1 in mpg", "mpeg1video", "yuv420p", 66, 50, "mpg", mpegQuality),
                new Format("mpeg2 in mpg", "mpeg2video", "yuv420p", 66, 50, "mpg", mpegQuality),
                new Format("mpeg2 in ts", "mpeg2video", "yuv420p", 66, 50, "ts", mpegQuality));
        // NOTE: the ffmpeg in JavaCV 1.5.7's jar has no libtheora or libx265 encoder and its
        // libvpx-vp9 writes no 10-bit video. Theora and HEVC are covered by the real files of
        // the tricky-video tests, 10-bit by the FFV1 case above.
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void formatDecodesWithoutSkewOrBlackColumns(Format format) throws Exception {
        assumeEncodable(format);
        Path clip = write(format);
        assertStoredPixelFormat(format, clip);

        SampledClip sampled = new FrameSampler(PARAMS, CROP, TIMEOUT).sample(clip);

        assertEquals(EXPECTED_STEPS, sampled.realSteps(), "steps of a 2 s clip at 2 fps");
        assertEquals(format.width(), sampled.displayWidth(), "display width");
        assertEquals(format.height(), sampled.displayHeight(), "display height");
        long frameMicros = 40_000;
        assertTrue(Math.abs(sampled.decodedDurationMicros() - CLIP_MICROS) <= frameMicros,
                "decoded duration " + sampled.decodedDurationMicros() + " us, expected "
                        + CLIP_MICROS + " us");
        for (int step = 0; step < EXPECTED_STEPS; step++) {
            VideoFrame frame = sampled.frames().get(step);
            int[][] halves = HALVES[step / 2];
            String where = format + ", step " + step;
            assertColumn(frame, 0, halves[0], where + ", left-most column");
            assertColumn(frame, CROP / 4, halves[0], where + ", left quarter column");
            assertColumn(frame, CROP * 3 / 4, halves[1], where + ", right quarter column");
            assertColumn(frame, CROP - 1, halves[1], where + ", right-most column");
        }
        double change = TestVideos.meanAbsDifference(sampled.frames().get(0).rgb(),
                sampled.frames().get(2).rgb());
        assertTrue(change > 100, "frames at 0 s and 1 s differ by only " + change);
    }

    /** Skips the case when the bundled ffmpeg has no such encoder or pixel format for it. */
    private static void assumeEncodable(Format format) {
        boolean hasEncoder = encoders().contains(format.encoder());
        if (!hasEncoder) {
            LOG.warn("Skipping {}: the bundled ffmpeg has no encoder {}", format,
                    format.encoder());
        }
        assumeTrue(hasEncoder, "the bundled ffmpeg has no encoder " + format.encoder());
        boolean hasPixelFormat = format.pixelFormat() == null
                || pixelFormats(format.encoder()).contains(format.pixelFormat());
        if (!hasPixelFormat) {
            LOG.warn("Skipping {}: encoder {} of the bundled ffmpeg has no pixel format {}",
                    format, format.encoder(), format.pixelFormat());
        }
        assumeTrue(hasPixelFormat, "encoder " + format.encoder()
                + " of the bundled ffmpeg has no pixel format " + format.pixelFormat());
    }

    private static synchronized Set<String> encoders() {
        if (encoders == null) {
            encoders = new HashSet<>();
            // Lines read " V..... name  description" after a legend that ends with "------".
            String listing = new String(TestVideos.ffmpeg("-encoders"), StandardCharsets.UTF_8);
            boolean inTable = false;
            for (String line : listing.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (inTable && fields.length >= 2) {
                    encoders.add(fields[1]);
                }
                inTable |= line.trim().startsWith("------");
            }
        }
        return encoders;
    }

    private static Set<String> pixelFormats(String encoder) {
        String help = new String(TestVideos.ffmpeg("-h", "encoder=" + encoder),
                StandardCharsets.UTF_8);
        for (String line : help.split("\n")) {
            String trimmed = line.trim();
            String prefix = "Supported pixel formats:";
            if (trimmed.startsWith(prefix)) {
                String formats = trimmed.substring(prefix.length()).trim();
                return new HashSet<>(Arrays.asList(formats.split("\\s+")));
            }
        }
        return Set.of();
    }

    /** Writes the two-second clip with left and right halves in the colours of {@link #HALVES}. */
    private Path write(Format format) {
        String size = format.width() + "x" + format.height();
        String first = second(size, "red", "blue");
        String second = second(size, "lime", "yellow");
        String graph = first + "[a];" + second + "[b];[a][b]concat=n=2";
        Path clip = dir.resolve(format.encoder() + "." + format.extension());
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", graph,
                "-c:v", format.encoder()));
        if (format.pixelFormat() != null) {
            args.addAll(List.of("-pix_fmt", format.pixelFormat()));
        }
        args.addAll(format.options());
        args.add(clip.toString());
        TestVideos.ffmpeg(args.toArray(String[]::new));
        return clip;
    }

    /** Checks that the encoder stored the requested pixel format instead of converting it. */
    private static void assertStoredPixelFormat(Format format, Path clip) throws Exception {
        if (format.pixelFormat() == null) {
            return;
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            int stored = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar()
                    .format();
            assertEquals(av_get_pix_fmt(format.pixelFormat()), stored,
                    clip + " is not stored as " + format.pixelFormat());
        }
    }

    /** Returns a lavfi chain for one second of a picture with a left and a right colour. */
    private static String second(String size, String left, String right) {
        // Drawing in RGB keeps the source at the exact odd size, with no chroma rounding.
        return "color=c=" + left + ":s=" + size + ":r=25:d=1,format=rgb24,"
                + "drawbox=x=iw/2:y=0:w=iw:h=ih:color=" + right + ":t=fill";
    }

    private static void assertColumn(VideoFrame frame, int x, int[] rgb, String where) {
        for (int c = 0; c < 3; c++) {
            long sum = 0;
            for (int y = 0; y < frame.height(); y++) {
                sum += Math.abs(frame.channel(x, y, c) - rgb[c]);
            }
            double mean = (double) sum / frame.height();
            assertTrue(mean < TOLERANCE, where + ": channel " + c + " differs from "
                    + rgb[c] + " by " + mean + " on average");
        }
    }
}
