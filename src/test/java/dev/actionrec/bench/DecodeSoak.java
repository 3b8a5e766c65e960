package dev.actionrec.bench;

import dev.actionrec.video.DecodeStrategy;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Samples many videos in one JVM, good and bad mixed, and prints the resident set size so that a
 * native memory leak in decoding or on its error paths shows up as steady growth.
 *
 * <p>Usage: {@code DecodeSoak SHARED_DIR [DECODES]}, where SHARED_DIR contains {@code videos/}
 * and DECODES (default 400) is the number of files sampled. Each decode takes 30 frames at 1 fps
 * with 224-pixel crops. Every fifth file is a bad one: empty, truncated, audio only, cover art
 * only or a text file. Every second decode forces {@link DecodeStrategy#SEEK}, so that the seek
 * path runs on every file that has a keyframe index, and the others choose per file. Prints to
 * stdout one line every 50 decodes and a summary at the end.
 */
public final class DecodeSoak {

    private static final int REPORT_EVERY = 50;

    private DecodeSoak() {}

    /**
     * Runs the soak.
     *
     * @throws IOException when the shared folder cannot be listed or the bad files cannot be
     *     written to a temporary folder
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DecodeSoak SHARED_DIR [DECODES]");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        int decodes = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path scratch = Files.createTempDirectory("decode-soak");
        List<Path> good = goodFiles(shared);
        List<Path> bad = badFiles(shared, scratch, good.get(0));

        FrameSampler sampler = new FrameSampler(SamplingParams.DEFAULT, 224,
                Duration.ofSeconds(60));
        FrameSampler seeking = sampler.withStrategy(DecodeStrategy.SEEK);
        Map<String, Integer> outcomes = new TreeMap<>();
        System.out.printf("decodes=%d good_files=%d bad_files=%d%n", decodes, good.size(),
                bad.size());
        printMemory(0);
        long start = System.nanoTime();
        for (int i = 1; i <= decodes; i++) {
            Path file = i % 5 == 0 ? bad.get((i / 5) % bad.size()) : good.get(i % good.size());
            FrameSampler used = i % 2 == 0 ? seeking : sampler;
            outcomes.merge(sampleOne(used, file), 1, Integer::sum);
            if (i % REPORT_EVERY == 0) {
                printMemory(i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (decodes % REPORT_EVERY != 0) {
            printMemory(decodes);
        }
        System.out.printf("elapsed_s=%.1f outcomes=%s%n", seconds, outcomes);
        for (Path file : List.of(bad.get(bad.size() - 2), bad.get(bad.size() - 1), scratch)) {
            Files.deleteIfExists(file);
        }
    }

    private static String sampleOne(FrameSampler sampler, Path file) {
        try {
            SampledClip clip = sampler.sample(file);
            return "ok_" + clip.strategy().name().toLowerCase();
        } catch (VideoDecodeException e) {
            return e.reason().name().toLowerCase();
        }
    }

    private static List<Path> goodFiles(Path shared) throws IOException {
        List<Path> files = new ArrayList<>();
        Path fights = shared.resolve("videos/fight-surveillance");
        try (Stream<Path> walk = Files.walk(fights)) {
            walk.filter(p -> p.toString().endsWith(".mp4")).sorted().forEach(files::add);
        }
        List<String> tricky = List.of("anamorphic_sar_2to1.mp4", "hevc_hev1_mp4_1080p.mp4",
                "phone_android_rotate180_fps90000.mp4", "vp9_opus_webm_no_duration.webm",
                "mpeg2_ps_city_cc0.mpg", "cinepak_29.6s_tree.avi", "no_initial_keyframe.ts",
                "animated_gif_people_walking.gif", "theora_1906_archival_214x160.ogv",
                "mjpeg_avi_webcam_pcm_u8.avi", "long_79s_people_walking_msmpeg4v3.avi",
                "phone_android9_vfr_1.6s.mp4", "very_short_1s_12frames_48x144.mp4",
                "two_frames_1fps_84x33.mp4");
        // Spreads the tricky files evenly through the fight clips.
        int fightCount = files.size();
        for (int k = tricky.size() - 1; k >= 0; k--) {
            int position = (k + 1) * fightCount / (tricky.size() + 1);
            files.add(position, shared.resolve("videos/tricky").resolve(tricky.get(k)));
        }
        return files;
    }

    private static List<Path> badFiles(Path shared, Path scratch, Path goodClip)
            throws IOException {
        Path tricky = shared.resolve("videos/tricky");
        Path text = scratch.resolve("notes.mp4");
        Files.writeString(text, "not a video\n", StandardCharsets.UTF_8);
        Path cut = scratch.resolve("cut-in-half.mp4");
        copyPrefix(goodClip, cut, Files.size(goodClip) / 2);
        return List.of(tricky.resolve("zero_bytes.webm"),
                tricky.resolve("truncated_moov_at_end_DERIVED.mp4"),
                tricky.resolve("no_video_two_aac_tracks.mp4"),
                tricky.resolve("cover_art_only_attached_pic.mp3"), text, cut);
    }

    private static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = Files.newOutputStream(to)) {
            out.write(in.readNBytes((int) bytes));
        }
    }

    /**
     * Prints VmRSS and the committed and used Java heap after a full collection. RSS minus
     * committed heap is native memory, metaspace and code, so a leak in FFmpeg shows up as growth
     * in that difference.
     */
    private static void printMemory(int done) throws IOException {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        double rssMib = ProcessMemory.residentKib() / 1024.0;
        double committedMib = runtime.totalMemory() / 1048576.0;
        System.out.printf("decoded=%d rss_mib=%.1f heap_committed_mib=%.1f"
                + " rss_minus_heap_mib=%.1f heap_used_mib=%.1f%n", done, rssMib, committedMib,
                rssMib - committedMib, heapUsed / 1048576.0);
    }
}
