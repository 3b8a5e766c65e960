package dev.actionrec.bench;

import dev.actionrec.video.DecodeStrategy;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Loader;

/**
 * Times sampling 30 frames at 1 fps (224-pixel crops) from 30-second 1280x720 H.264 clips with
 * each decoding strategy and with the ffmpeg command line, and prints the median of 5 runs after
 * one warm-up run.
 *
 * <p>Usage: {@code DecodeStrategyBench [GOP...]}: one clip is generated per keyframe interval in
 * frames (default 250 and 15), from FFmpeg's testsrc2 pattern at 30 fps with the bundled ffmpeg
 * and its OpenH264 encoder. The clips are deleted afterwards.
 */
public final class DecodeStrategyBench {

    private static final int RUNS = 5;
    private static final int CROP = 224;
    private static final SamplingParams PARAMS = new SamplingParams(30, 1.0);

    private DecodeStrategyBench() {}

    /**
     * Runs the benchmark.
     *
     * @throws Exception when ffmpeg fails or a clip cannot be sampled
     */
    public static void main(String[] args) throws Exception {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        List<Integer> gops = new ArrayList<>();
        for (String arg : args) {
            gops.add(Integer.parseInt(arg));
        }
        if (gops.isEmpty()) {
            gops = List.of(250, 15);
        }
        Path dir = Files.createTempDirectory("decode-bench");
        FrameSampler sampler = new FrameSampler(PARAMS, CROP, Duration.ofMinutes(5));
        System.out.printf("runs=%d (median, after 1 warm-up) sampling=%d frames at %.1f fps,"
                + " crop %d%n", RUNS, PARAMS.frames(), PARAMS.fps(), CROP);
        for (int gop : gops) {
            Path clip = dir.resolve("testsrc2-720p-gop" + gop + ".mp4");
            run(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "30",
                    "-c:v", "libopenh264", "-g", Integer.toString(gop), "-b:v", "4M",
                    "-pix_fmt", "yuv420p", clip.toString());
            System.out.printf("clip=%s bytes=%d auto_strategy=%s%n", clip.getFileName(),
                    Files.size(clip), sampler.sample(clip).strategy());
            report("sequential", () -> sampler.withStrategy(DecodeStrategy.SEQUENTIAL)
                    .sample(clip));
            report("seek", () -> sampler.withStrategy(DecodeStrategy.SEEK).sample(clip));
            report("auto", () -> sampler.sample(clip));
            Path raw = dir.resolve("cli.rgb");
            report("ffmpeg_cli", () -> {
                run(ffmpeg, "-i", clip.toString(), "-vf", "fps=1:round=up,scale=" + CROP + ":"
                        + CROP + ":force_original_aspect_ratio=increase,crop=" + CROP + ":"
                        + CROP, "-frames:v", Integer.toString(PARAMS.frames()),
                        "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString());
                return Files.size(raw) / (CROP * CROP * 3);
            });
            printCliDifference(sampler.withStrategy(DecodeStrategy.SEQUENTIAL).sample(clip),
                    Files.readAllBytes(raw));
            Files.deleteIfExists(raw);
            Files.deleteIfExists(clip);
        }
        Files.deleteIfExists(dir);
    }

    /**
     * Prints the largest per-step mean absolute pixel difference (0-255) between the sampler's
     * frames and the ffmpeg command line's, to show that both picked the same frames. The two
     * resize differently (area averaging against bicubic), so small differences remain.
     */
    private static void printCliDifference(SampledClip clip, byte[] cliFrames) {
        int frameBytes = CROP * CROP * 3;
        double largest = 0;
        for (int k = 0; k < clip.realSteps(); k++) {
            byte[] ours = clip.frames().get(k).rgb();
            long sum = 0;
            for (int i = 0; i < frameBytes; i++) {
                sum += Math.abs((ours[i] & 0xFF) - (cliFrames[k * frameBytes + i] & 0xFF));
            }
            largest = Math.max(largest, (double) sum / frameBytes);
        }
        System.out.printf("  max per-step mean abs difference, sampler vs ffmpeg_cli: %.2f%n",
                largest);
    }

    /** Times {@code task} RUNS times after one warm-up and prints the median in milliseconds. */
    private static void report(String name, Callable<Object> task) throws Exception {
        Object warmUp = task.call();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.call();
            nanos[i] = System.nanoTime() - start;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        String frames = warmUp instanceof SampledClip clip
                ? clip.realSteps() + " frames, strategy " + clip.strategy()
                : warmUp + " frames";
        System.out.printf("  %-10s median_ms=%.0f runs_ms=%s (%s)%n", name,
                sorted[RUNS / 2] / 1e6, Arrays.toString(Arrays.stream(nanos)
                        .map(n -> Math.round(n / 1e6)).toArray()), frames);
    }

    private static void run(String ffmpeg, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException("ffmpeg " + String.join(" ", args) + " failed with status "
                    + status);
        }
    }
}
