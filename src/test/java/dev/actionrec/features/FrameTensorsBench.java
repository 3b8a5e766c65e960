package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of the conversion of 30 RGB 224x224 frames to the float network input: into a
 * new INDArray in NCHW and NHWC, and into a preallocated direct FloatBuffer in NCHW. Not a unit
 * test: run it with {@code scripts/jmh FrameTensorsBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=5G"})
public class FrameTensorsBench {

    private static final int FRAMES = 30;
    private static final int SIZE = 224;

    private List<VideoFrame> frames;
    private FloatBuffer direct;

    /** Creates frames of random pixels and the direct output buffer. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        frames = new ArrayList<>();
        for (int n = 0; n < FRAMES; n++) {
            byte[] rgb = new byte[SIZE * SIZE * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(n * 1_000_000L, SIZE, SIZE, rgb));
        }
        direct = ByteBuffer.allocateDirect(FRAMES * 3 * SIZE * SIZE * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Benchmark
    public INDArray toInputNchw() {
        return FrameTensors.toInput(frames, CNN2DFormat.NCHW, SIZE);
    }

    @Benchmark
    public INDArray toInputNhwc() {
        return FrameTensors.toInput(frames, CNN2DFormat.NHWC, SIZE);
    }

    @Benchmark
    public FloatBuffer toNchwDirectBuffer() {
        direct.clear();
        FrameTensors.toNchw(frames, SIZE, PixelNormalisation.TFLITE_UINT8, direct);
        return direct;
    }
}
