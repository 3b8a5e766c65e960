package dev.actionrec.features;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of global average pooling of a MobileNetV2 batch activation, {@code [30, 1280,
 * 7, 7]} (NCHW) or {@code [30, 7, 7, 1280]} (NHWC), to {@code [30, 1280]}: ND4J's mean over the
 * spatial dimensions against a plain Java loop over a float array. Not a unit test: run it with
 * {@code scripts/jmh GlobalPoolBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=5G"})
public class GlobalPoolBench {

    private static final int BATCH = 30;
    private static final int CHANNELS = 1280;
    private static final int SPATIAL = 7 * 7;

    /** Activation layout: NCHW or NHWC. */
    @Param({"NCHW", "NHWC"})
    public String layout;

    private float[] values;
    private INDArray activation;

    /**
     * Creates a random activation and checks that both poolings agree on it.
     *
     * @throws IllegalStateException if the two results differ by more than 1e-4
     */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        values = new float[BATCH * CHANNELS * SPATIAL];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 6f;
        }
        long[] shape = nchw()
                ? new long[] {BATCH, CHANNELS, 7, 7}
                : new long[] {BATCH, 7, 7, CHANNELS};
        activation = Nd4j.create(values, shape, 'c');

        float[] expected = nd4jMean().data().asFloat();
        float[] actual = javaLoop();
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > 1e-4f) {
                throw new IllegalStateException("pooled value " + i + " differs: ND4J "
                        + expected[i] + ", Java loop " + actual[i]);
            }
        }
    }

    @Benchmark
    public INDArray nd4jMean() {
        return nchw() ? activation.mean(2, 3) : activation.mean(1, 2);
    }

    @Benchmark
    public float[] javaLoop() {
        return nchw() ? poolNchw(values) : poolNhwc(values);
    }

    private boolean nchw() {
        return layout.equals("NCHW");
    }

    /** Averages each run of {@code SPATIAL} contiguous values, which is one image's channel. */
    private static float[] poolNchw(float[] values) {
        float[] pooled = new float[BATCH * CHANNELS];
        for (int k = 0; k < pooled.length; k++) {
            int base = k * SPATIAL;
            float sum = 0f;
            for (int s = 0; s < SPATIAL; s++) {
                sum += values[base + s];
            }
            pooled[k] = sum / SPATIAL;
        }
        return pooled;
    }

    /** Adds each pixel's channel vector into the image's row, then divides by the pixel count. */
    private static float[] poolNhwc(float[] values) {
        float[] pooled = new float[BATCH * CHANNELS];
        for (int n = 0; n < BATCH; n++) {
            int row = n * CHANNELS;
            for (int s = 0; s < SPATIAL; s++) {
                int base = (n * SPATIAL + s) * CHANNELS;
                for (int c = 0; c < CHANNELS; c++) {
                    pooled[row + c] += values[base + c];
                }
            }
            for (int c = 0; c < CHANNELS; c++) {
                pooled[row + c] /= SPATIAL;
            }
        }
        return pooled;
    }
}
