package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleToIntFunction;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Builds small synthetic test videos with FFmpeg and reads reference frames from its CLI. */
final class TestVideos {

    /** Well-separated colours as RGB, indexed by the palette index that colour clips use. */
    static final int[][] PALETTE = {
        {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0},
        {255, 0, 255}, {0, 255, 255}, {255, 255, 255}, {0, 0, 0},
    };

    static {
        // Keeps FFmpeg from printing stream dumps and decoder errors, as FrameSampler does.
        av_log_set_level(AV_LOG_FATAL);
    }

    private TestVideos() {}

    /**
     * Writes an MPEG-4 Part 2 MP4 with one solid-colour frame at each of the given times.
     *
     * @param frameRate codec time base is {@code 1 / frameRate}; every time must be a whole
     *     number of ticks
     * @param timesSeconds presentation times in seconds, increasing
     * @param colourAt palette index of the frame shown at a given time in seconds
     */
    static Path colourClip(Path file, double frameRate, List<Double> timesSeconds,
            DoubleToIntFunction colourAt) throws IOException {
        return colourClip(file, frameRate, timesSeconds, colourAt, -1, 0);
    }

    /**
     * Writes a colour clip as {@link #colourClip(Path, double, List, DoubleToIntFunction)} does,
     * with at most {@code gopSize} frames from one keyframe to the next, or the encoder's default
     * of 12 when {@code gopSize} is negative, and up to {@code bFrames} consecutive B-frames.
     */
    static Path colourClip(Path file, double frameRate, List<Double> timesSeconds,
            DoubleToIntFunction colourAt, int gopSize, int bFrames) throws IOException {
        int width = 64;
        int height = 48;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width,
                height, 0);
                Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(frameRate);
            recorder.setVideoQuality(2);
            recorder.setGopSize(gopSize);
            recorder.setVideoOption("bf", Integer.toString(bFrames));
            recorder.start();
            for (double t : timesSeconds) {
                fill(frame, PALETTE[colourAt.applyAsInt(t)]);
                recorder.setFrameNumber((int) Math.round(t * frameRate));
                recorder.record(frame, AV_PIX_FMT_RGB24);
            }
            recorder.stop();
        }
        return file;
    }

    /** Returns times {@code from, from + 1/rate, ...} strictly below {@code to} seconds. */
    static List<Double> times(double from, double to, double rate) {
        List<Double> times = new ArrayList<>();
        for (int n = 0; from + n / rate < to - 1e-9; n++) {
            times.add(from + n / rate);
        }
        return times;
    }

    private static void fill(Frame frame, int[] rgb) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < frame.imageHeight; y++) {
            for (int x = 0; x < frame.imageWidth; x++) {
                int i = y * frame.imageStride + x * 3;
                pixels.put(i, (byte) rgb[0]);
                pixels.put(i + 1, (byte) rgb[1]);
                pixels.put(i + 2, (byte) rgb[2]);
            }
        }
    }

    /** Returns the palette index nearest to the centre pixel of a frame. */
    static int nearestColour(VideoFrame frame) {
        int x = frame.width() / 2;
        int y = frame.height() / 2;
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int k = 0; k < PALETTE.length; k++) {
            long distance = 0;
            for (int c = 0; c < 3; c++) {
                long d = frame.channel(x, y, c) - PALETTE[k][c];
                distance += d * d;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    /**
     * Runs the ffmpeg program bundled with JavaCV and returns its standard output.
     *
     * @throws IllegalStateException if ffmpeg exits with a non-zero status
     */
    static byte[] ffmpeg(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        command.addAll(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(
                    () -> readAll(process.getErrorStream()));
            byte[] stdout = readAll(process.getInputStream());
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException("ffmpeg " + String.join(" ", args)
                        + " failed with status " + status + ": "
                        + new String(stderr.join(), StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ffmpeg", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the first frame as the ffmpeg CLI shows it (autorotated, sample aspect ratio
     * applied), resized on the shorter side to {@code size} and centre-cropped, as {@code [size,
     * size, 3]} RGB bytes.
     */
    static byte[] cliFirstFrame(Path video, int size) {
        String filter = "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=" + size + ":" + size
                + ":force_original_aspect_ratio=increase,crop=" + size + ":" + size;
        return ffmpeg("-i", video.toString(), "-frames:v", "1", "-vf", filter,
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
    }

    /** Returns the mean absolute difference of two equally long byte arrays, 0-255. */
    static double meanAbsDifference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }
}
