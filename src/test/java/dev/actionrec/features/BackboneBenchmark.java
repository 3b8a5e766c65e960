package dev.actionrec.features;

import com.sun.management.OperatingSystemMXBean;
import dev.actionrec.testing.SharedData;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * Measures MobileNetV2 feature extraction per frame at batch size 30 for NCHW and NHWC input,
 * alternating the two layouts every round so that a change in machine load affects both.
 * Prints the median wall-clock time and the median process CPU time (all threads) per frame.
 * Not a unit test: run it by hand, for example {@code java -cp ...
 * dev.actionrec.features.BackboneBenchmark 7}.
 */
public final class BackboneBenchmark {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BackboneBenchmark() {}

    /** Prints the median wall and CPU ms per frame of each input layout. */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<VideoFrame> frames = frames(MobileNetV2Backbone.DEFAULT_BATCH_SIZE);
        WeightsOptions options = WeightsOptions.defaults()
                .withHome(Files.createTempDirectory("actionrec-benchmark"))
                .withDownload(false)
                .withWeightsFile(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));

        try (MobileNetV2Backbone nchw = Backbones.openMobileNetV2(options, CNN2DFormat.NCHW);
                MobileNetV2Backbone nhwc = Backbones.openMobileNetV2(options, CNN2DFormat.NHWC)) {
            List<MobileNetV2Backbone> backbones = List.of(nchw, nhwc);
            double[][] wall = new double[2][rounds];
            double[][] cpu = new double[2][rounds];
            for (MobileNetV2Backbone backbone : backbones) {
                backbone.features(frames);
            }
            for (int round = 0; round < rounds; round++) {
                for (int b = 0; b < 2; b++) {
                    long wallStart = System.nanoTime();
                    long cpuStart = OS.getProcessCpuTime();
                    backbones.get(b).features(frames);
                    wall[b][round] = (System.nanoTime() - wallStart) / 1e6 / frames.size();
                    cpu[b][round] = (OS.getProcessCpuTime() - cpuStart) / 1e6 / frames.size();
                }
            }
            for (int b = 0; b < 2; b++) {
                System.out.printf("%s batch %d: %.1f ms/frame wall, %.1f ms/frame CPU"
                        + " (medians of %d rounds, %d cores)%n", backbones.get(b).format(),
                        frames.size(), median(wall[b]), median(cpu[b]), rounds,
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static List<VideoFrame> frames(int count) throws IOException {
        List<VideoFrame> photos = new ArrayList<>();
        for (String name : List.of("cat.bmp", "dog.jpg", "eagle.jpg")) {
            Path file = SharedData.resolve("photos/" + name);
            photos.add(FrameGeometry.resizeAndCrop(ImageIO.read(file.toFile()), 224));
        }
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(photos.get(i % photos.size()));
        }
        return frames;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
