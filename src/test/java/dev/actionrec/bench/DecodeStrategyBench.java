package dev.actionrec.bench;

import dev.actionrec.video.DecodeStrategy;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Loader;

/**
 * Times sampling 30 frames at 1 fps (224-pixel crops) from 30-second 1280x720 H.264 clips with
 * actionrec's sampler and with the ffmpeg command line extracting the same frames, and prints
 * the median of several runs after one warm-up run, with min and max.
 *
 * <p>Usage: {@code DecodeStrategyBench [--runs N] [--clip FILE] [GOP...]}. With {@code --clip},
 * it times the sampler's automatic strategy against the ffmpeg command line on that file,
 * alternating the two in every run so that a change in load affects both, and reports one row
 * through {@link BenchRows}. Otherwise it generates one clip per keyframe interval in frames
 * (default 250 and 15) from FFmpeg's testsrc2 pattern at 30 fps with the bundled ffmpeg and its
 * OpenH264 encoder, times each strategy and the command line, and deletes the clips afterwards.
 * The ffmpeg program is the one bundled with JavaCV's FFmpeg build, the same FFmpeg as the
 * sampler's libraries.
 */
public final class DecodeStrategyBench {

    private static final int CROP = 224;
    private static final SamplingParams PARAMS = new SamplingParams(30, 1.0);

    private DecodeStrategyBench() {}

    /**
     * Runs the benchmark.
     *
     * @throws Exception when ffmpeg fails or a clip cannot be sampled
     */
    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path given = null;
        List<Integer> gops = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--clip" -> given = Path.of(args[++i]);
                default -> gops.add(Integer.parseInt(args[i]));
            }
        }
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        FrameSampler sampler = new FrameSampler(PARAMS, CROP, Duration.ofMinutes(5));
        Path dir = Files.createTempDirectory("decode-bench");
        try {
            if (given != null) {
                compareWithCli(ffmpeg, sampler, given, dir.resolve("cli.rgb"), runs);
            } else {
                compareStrategies(ffmpeg, sampler, gops.isEmpty() ? List.of(250, 15) : gops,
                        dir, runs);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("cli.rgb"));
            Files.deleteIfExists(dir);
        }
    }

    /** Times the sampler against the command line on one clip, in alternating runs. */
    private static void compareWithCli(String ffmpeg, FrameSampler sampler, Path clip, Path raw,
            int runs) throws Exception {
        SampledClip first = sampler.sample(clip);
        long cliFrames = extractWithCli(ffmpeg, clip, raw);
        List<Double> ours = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ours.add(millis(() -> sampler.sample(clip)));
            cli.add(millis(() -> extractWithCli(ffmpeg, clip, raw)));
        }
        double difference = cliDifference(first, Files.readAllBytes(raw));
        String what = String.format(Locale.ROOT, "30 frames at 1 fps, %dx%d crops, from %s;"
                + " %d runs after 1 warm-up, alternating", CROP, CROP, clip.getFileName(), runs);
        BenchRows.add("sampling: actionrec sampler (" + first.strategy() + ", chosen)",
                RunStats.of(ours).format(0) + " ms",
                String.format(Locale.ROOT, "%s; %d frames", what, first.realSteps()));
        BenchRows.add("sampling: ffmpeg command line", RunStats.of(cli).format(0) + " ms",
                String.format(Locale.ROOT, "%s; %d frames; %s, process start included; `-vf"
                        + " fps=1:round=up,scale=%d:%d:force_original_aspect_ratio=increase,"
                        + "crop=%d:%d`; largest per-step mean abs difference from the sampler"
                        + " %.2f of 255", what, cliFrames, version(ffmpeg), CROP, CROP, CROP, CROP,
                        difference));
    }

    private static void compareStrategies(String ffmpeg, FrameSampler sampler, List<Integer> gops,
            Path dir, int runs) throws Exception {
        System.out.printf(Locale.ROOT, "runs=%d (median [min, max] ms, after 1 warm-up)"
                + " sampling=%d frames at %.1f fps, crop %d; %s%n", runs, PARAMS.frames(),
                PARAMS.fps(), CROP, version(ffmpeg));
        Path raw = dir.resolve("cli.rgb");
        for (int gop : gops) {
            Path clip = dir.resolve("testsrc2-720p-gop" + gop + ".mp4");
            run(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "30",
                    "-c:v", "libopenh264", "-g", Integer.toString(gop), "-b:v", "4M",
                    "-pix_fmt", "yuv420p", clip.toString());
            System.out.printf("clip=%s bytes=%d auto_strategy=%s%n", clip.getFileName(),
                    Files.size(clip), sampler.sample(clip).strategy());
            report("sequential", runs,
                    () -> sampler.withStrategy(DecodeStrategy.SEQUENTIAL).sample(clip));
            report("seek", runs, () -> sampler.withStrategy(DecodeStrategy.SEEK).sample(clip));
            report("auto", runs, () -> sampler.sample(clip));
            report("ffmpeg_cli", runs, () -> extractWithCli(ffmpeg, clip, raw));
            System.out.printf(Locale.ROOT, "  max per-step mean abs difference, sampler vs"
                    + " ffmpeg_cli: %.2f%n", cliDifference(
                            sampler.withStrategy(DecodeStrategy.SEQUENTIAL).sample(clip),
                            Files.readAllBytes(raw)));
            Files.deleteIfExists(raw);
            Files.deleteIfExists(clip);
        }
    }

    /** Extracts the sampler's frames with the ffmpeg command line and returns their count. */
    private static long extractWithCli(String ffmpeg, Path clip, Path raw) throws IOException,
            InterruptedException {
        run(ffmpeg, "-i", clip.toString(), "-vf", "fps=1:round=up,scale=" + CROP + ":" + CROP
                + ":force_original_aspect_ratio=increase,crop=" + CROP + ":" + CROP,
                "-frames:v", Integer.toString(PARAMS.frames()), "-f", "rawvideo",
                "-pix_fmt", "rgb24", raw.toString());
        return Files.size(raw) / (CROP * CROP * 3);
    }

    /**
     * Returns the largest per-step mean absolute pixel difference (0-255) between the sampler's
     * frames and the ffmpeg command line's, which shows that both picked the same frames. The
     * two resize differently (area averaging against bicubic), so small differences remain.
     */
    private static double cliDifference(SampledClip clip, byte[] cliFrames) {
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
        return largest;
    }

    /** Times {@code task} after one warm-up and prints median, min and max in milliseconds. */
    private static void report(String name, int runs, Callable<Object> task) throws Exception {
        Object warmUp = task.call();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(millis(task));
        }
        String frames = warmUp instanceof SampledClip clip
                ? clip.realSteps() + " frames, strategy " + clip.strategy()
                : warmUp + " frames";
        System.out.printf("  %-10s %s ms (%s)%n", name, RunStats.of(times).format(0), frames);
    }

    private static double millis(Callable<Object> task) throws Exception {
        long start = System.nanoTime();
        task.call();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Returns the program's path and the first line of {@code ffmpeg -version}. */
    private static String version(String ffmpeg) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ffmpeg, "-version").redirectErrorStream(true)
                .start();
        String first;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            first = out.readLine();
            out.transferTo(java.io.Writer.nullWriter());
        }
        process.waitFor();
        String release = first == null ? "unknown version"
                : first.replaceFirst("^ffmpeg version (\\S+).*", "$1");
        return "bundled ffmpeg " + release + " (" + Path.of(ffmpeg).getFileName() + " from"
                + " JavaCV's FFmpeg build)";
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
