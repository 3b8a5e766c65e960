package dev.actionrec.features;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.actionrec.features.onnx.OnnxExporter;
import dev.actionrec.features.onnx.OnnxRuntimeEnvironment;
import dev.actionrec.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A backbone run by ONNX Runtime on the CPU from an ONNX model written by {@link OnnxExporter},
 * so its weights are those of the DL4J graph it was exported from.
 *
 * <p>Off-heap memory is bounded: ONNX Runtime's CPU arena grows to the activations of one
 * forward pass of {@link #DEFAULT_BATCH_SIZE} frames and is reused from then on, and the input
 * buffer for one pass is allocated once. Instances are not thread-safe.
 */
public final class OnnxBackbone implements Backbone {

    /**
     * Frames per forward pass. With the arena on, passes of 5 frames were 6-16% faster per frame
     * than passes of 30 on an idle 2-core x86-64 machine ({@code scripts/bench-onnx}), and they
     * keep the arena small. Smaller activations that stay closer to the caches are the likely
     * reason, which was not measured.
     */
    public static final int DEFAULT_BATCH_SIZE = 5;

    private final BackboneInfo info;
    private final String weightsSha256;
    private final int batchSize;
    private final int outputSize;
    private final ExecutorService caller;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final FloatBuffer input;

    /**
     * Opens an ONNX Runtime session on an exported model.
     *
     * @param info the backbone's input size, feature size and pixel mapping
     * @param model ONNX model bytes from {@link OnnxExporter}
     * @param weightsSha256 SHA-256 of the weight file the model was built from
     * @param threads threads for one forward pass, at least 1
     * @param batchSize frames per forward pass, at least 1
     * @throws IllegalArgumentException if threads or batch size are below 1
     * @throws IllegalStateException if ONNX Runtime rejects the model
     */
    public OnnxBackbone(BackboneInfo info, byte[] model, String weightsSha256, int threads,
            int batchSize) {
        this(info, model, weightsSha256, threads, batchSize, info.featureSize());
    }

    /** Opens a session on a model whose output has {@code outputSize} values per frame. */
    OnnxBackbone(BackboneInfo info, byte[] model, String weightsSha256, int threads,
            int batchSize, int outputSize) {
        this(info, model, weightsSha256, threads, batchSize, outputSize, SessionTuning.DEFAULT);
    }

    /** Opens a session with explicit ONNX Runtime tuning, for benchmarks. */
    OnnxBackbone(BackboneInfo info, byte[] model, String weightsSha256, int threads,
            int batchSize, int outputSize, SessionTuning tuning) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.info = info;
        this.weightsSha256 = weightsSha256;
        this.batchSize = batchSize;
        this.outputSize = outputSize;
        this.caller = OnnxRuntimeEnvironment.newCaller("onnxruntime-" + info.id());
        try {
            this.environment = call(OnnxRuntimeEnvironment::get);
            this.session = call(() -> createSession(model, threads, tuning));
        } catch (RuntimeException e) {
            caller.shutdownNow();
            throw e;
        }
        int values = batchSize * 3 * info.inputSize() * info.inputSize();
        this.input = ByteBuffer.allocateDirect(values * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    private OrtSession createSession(byte[] model, int threads, SessionTuning tuning)
            throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(tuning.arena());
            options.addConfigEntry("session.intra_op.allow_spinning",
                    tuning.spinning() ? "1" : "0");
            return environment.createSession(model, options);
        }
    }

    /**
     * ONNX Runtime settings that trade speed against memory and CPU use.
     *
     * @param arena whether ONNX Runtime keeps freed CPU memory in its arena for reuse; without
     *     it, every forward pass allocates its activations afresh and returns them afterwards
     * @param spinning whether idle intra-op threads busy-wait for work instead of sleeping
     */
    record SessionTuning(boolean arena, boolean spinning) {
        /**
         * Arena and spinning both on: on an idle 2-core x86-64 machine the arena cut MobileNetV2
         * from 5.6-6.1 to 3.3-4.3 ms per frame, and with the arena on, spinning saved a further
         * 0.6-0.8 ms with 2 threads ({@code scripts/bench-onnx}, docs/benchmarks.md). The arena
         * keeps the activations of the largest forward pass, so its size follows {@link
         * #DEFAULT_BATCH_SIZE}.
         */
        static final SessionTuning DEFAULT = new SessionTuning(true, true);
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public int inputSize() {
        return info.inputSize();
    }

    @Override
    public int featureSize() {
        return info.featureSize();
    }

    @Override
    public String weightsSha256() {
        return weightsSha256;
    }

    @Override
    public INDArray features(List<VideoFrame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames given to backbone " + id());
        }
        float[] result = new float[frames.size() * outputSize];
        for (int start = 0; start < frames.size(); start += batchSize) {
            int end = Math.min(frames.size(), start + batchSize);
            run(frames.subList(start, end), result, start * outputSize);
        }
        return Nd4j.create(result, new long[] {frames.size(), outputSize}, DataType.FLOAT);
    }

    private void run(List<VideoFrame> batch, float[] result, int offset) {
        int size = inputSize();
        input.clear();
        FrameTensors.toNchw(batch, size, info.normalisation(), input);
        input.flip();
        long[] shape = {batch.size(), 3, size, size};
        call(() -> {
            forward(batch.size(), shape, result, offset);
            return null;
        });
    }

    private void forward(int frames, long[] shape, float[] result, int offset)
            throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
                OrtSession.Result output = session.run(Map.of(OnnxExporter.INPUT, tensor))) {
            FloatBuffer features = ((OnnxTensor) output.get(0)).getFloatBuffer();
            int expected = frames * outputSize;
            if (features.remaining() != expected) {
                throw new IllegalStateException("backbone " + id() + " gave "
                        + features.remaining() + " values for " + frames
                        + " frames, expected " + expected);
            }
            features.get(result, offset, expected);
        }
    }

    /** Runs an ONNX Runtime call on the large-stack thread and rethrows its failure. */
    private <T> T call(Callable<T> task) {
        try {
            return caller.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime ran backbone "
                    + info.id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OrtException) {
                throw new IllegalStateException("ONNX Runtime failed on backbone " + info.id()
                        + ": " + cause.getMessage(), cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        try {
            call(() -> {
                session.close();
                return null;
            });
        } finally {
            caller.shutdown();
        }
    }
}
