package dev.actionrec.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.actionrec.features.Backbone;
import dev.actionrec.video.VideoFrame;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock and process CPU time per frame of a backbone's forward pass, over several passes
 * after one warm-up pass.
 *
 * @param wallMsPerFrame wall-clock milliseconds per frame of each timed pass
 * @param cpuMsPerFrame process CPU milliseconds (all threads) per frame of each timed pass
 */
public record BackboneTiming(RunStats wallMsPerFrame, RunStats cpuMsPerFrame) {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Runs one warm-up pass and {@code passes} timed passes of {@code frames} through the
     * backbone, each pass one call of {@link Backbone#features}.
     *
     * @throws IllegalArgumentException if passes is below 1
     */
    public static BackboneTiming measure(Backbone backbone, List<VideoFrame> frames, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        backbone.features(frames);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            long wallStart = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            backbone.features(frames);
            wall.add((System.nanoTime() - wallStart) / 1e6 / frames.size());
            cpu.add((OS.getProcessCpuTime() - cpuStart) / 1e6 / frames.size());
        }
        return new BackboneTiming(RunStats.of(wall), RunStats.of(cpu));
    }
}
