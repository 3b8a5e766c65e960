package dev.actionrec.bench;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.features.InferenceEngine;
import dev.actionrec.features.ThreadSettings;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.model.ActionModel;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Classifies many clips in one JVM along the whole path of {@code actionrec classify} (frame
 * sampling, the backbone on the default engine, the encoder), one clip at a time, and prints the
 * resident set size as it goes, so that a native or heap leak anywhere on the path shows up as
 * steady growth. Unlike {@link DecodeSoak}, it forces no garbage collection, so the figures are
 * those a long-running classification process would have.
 *
 * <p>Arguments: MODEL FOLDER [CLIPS], where the CLIPS classifications (default 1000) cycle over
 * the folder's sorted clip list. It prints VmRSS every tenth of the run and reports through
 * {@link BenchRows} the RSS at the reference clip (clip 100, or half the run when shorter) and
 * at the last clip, the change between them, and the peak (VmHWM). Run it with the launcher's
 * JVM flags ({@code scripts/actionrec}) so that the heap and JavaCPP's off-heap bounds match.
 */
public final class ClassifySoak {

    private static final int REFERENCE_CLIP = 100;

    private ClassifySoak() {}

    /**
     * Runs the soak.
     *
     * @throws Exception when the model, the weights or the folder cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        List<Path> clips = BenchClips.all(Path.of(args[1]));
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int reference = Math.min(REFERENCE_CLIP, Math.max(1, count / 2));
        int every = Math.max(1, count / 10);

        ActionModel model = ActionModel.load(modelFile);
        SamplingParams sampling = new SamplingParams(model.metadata().sampling().frames(),
                model.metadata().sampling().fps());
        String id = model.metadata().backbone().id();
        InferenceEngine engine = Backbones.resolve(id, InferenceEngine.AUTO);
        System.out.printf(Locale.ROOT, "classifications=%d clips=%d jvm_flags=%s%n", count,
                clips.size(), jvmFlags());
        print(0, 0);

        double referenceMib = -1;
        double lastMib = -1;
        int failed = 0;
        long start = System.nanoTime();
        // The threads of 'actionrec classify' on one video, run once per clip here.
        ThreadSettings threads = ThreadSettings.defaults(1);
        try (Backbone backbone = Backbones.open(id, WeightsOptions.defaults(),
                        InferenceEngine.AUTO, threads.engineThreads());
                FeatureExtractor extractor = new FeatureExtractor(backbone, sampling,
                        Duration.ofSeconds(120), null, threads)) {
            model.requireBackbone(modelFile, backbone);
            for (int i = 1; i <= count; i++) {
                ExtractionResult result = extractor.extract(clips.get((i - 1) % clips.size()));
                if (result.ok()) {
                    model.predict(List.of(result.features()), 1);
                } else {
                    failed++;
                }
                if (i == reference) {
                    referenceMib = ProcessMemory.residentKib() / 1024.0;
                }
                if (i == count) {
                    lastMib = ProcessMemory.residentKib() / 1024.0;
                }
                if (i % every == 0 || i == reference) {
                    print(i, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double peakMib = ProcessMemory.peakResidentKib() / 1024.0;
        BenchRows.add(String.format(Locale.ROOT, "memory: classify path, %d clips in one JVM",
                        count),
                String.format(Locale.ROOT, "VmRSS %.0f MiB at clip %d, %.0f MiB at clip %d"
                                + " (%+.1f %%); peak VmHWM %.0f MiB", referenceMib, reference,
                        lastMib, count, 100 * (lastMib - referenceMib) / referenceMib, peakMib),
                String.format(Locale.ROOT, "FeatureExtractor.extract and ActionModel.predict"
                                + " per clip, cycling over %d clips (%d failed), %d frames at %s"
                                + " fps, %s, no feature cache, no forced GC; %.0f s;"
                                + " JVM flags: %s", clips.size(), failed, sampling.frames(),
                        sampling.fps(), engine + " engine, threads " + threads, seconds, jvmFlags()));
    }

    private static void print(int done, double seconds) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "classified=%d elapsed_s=%.1f rss_mib=%.1f"
                        + " peak_rss_mib=%.1f heap_committed_mib=%.1f heap_used_mib=%.1f%n", done,
                seconds, ProcessMemory.residentKib() / 1024.0,
                ProcessMemory.peakResidentKib() / 1024.0, runtime.totalMemory() / 1048576.0,
                (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
    }

    private static String jvmFlags() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-X") || flag.startsWith("-Dorg.bytedeco"))
                .toList());
    }
}
