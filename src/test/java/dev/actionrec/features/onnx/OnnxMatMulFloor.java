package dev.actionrec.features.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Times ONNX Runtime's float matrix multiply of two n x n inputs, the floor that ONNX Runtime's
 * own kernels reach on this CPU. Not a unit test: {@code ClassifyBench} prints it next to the
 * backbone's rate.
 */
public final class OnnxMatMulFloor {

    private OnnxMatMulFloor() {}

    /**
     * Returns the wall-clock milliseconds of {@code runs} multiplies after one warm-up.
     *
     * @param threads ONNX Runtime intra-op threads
     */
    public static List<Double> measure(int n, int runs, int threads) throws Exception {
        ExecutorService caller = OnnxRuntimeEnvironment.newCaller("onnxruntime-floor");
        try {
            Callable<List<Double>> task = () -> time(n, runs, threads);
            return caller.submit(task).get();
        } finally {
            caller.shutdown();
        }
    }

    private static List<Double> time(int n, int runs, int threads) throws Exception {
        OrtEnvironment environment = OnnxRuntimeEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            try (OrtSession session = environment.createSession(model(n), options);
                    OnnxTensor a = OnnxTensor.createTensor(environment, random(n, 1),
                            new long[] {n, n});
                    OnnxTensor b = OnnxTensor.createTensor(environment, random(n, 2),
                            new long[] {n, n})) {
                Map<String, OnnxTensor> inputs = Map.of("a", a, "b", b);
                session.run(inputs).close();
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    session.run(inputs).close();
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                return millis;
            }
        }
    }

    private static FloatBuffer random(int n, long seed) {
        Random random = new Random(seed);
        FloatBuffer values = FloatBuffer.allocate(n * n);
        for (int i = 0; i < n * n; i++) {
            values.put(random.nextFloat());
        }
        return values.flip();
    }

    /** Returns an ONNX model (IR 7, opset 13) that multiplies inputs a and b into c. */
    private static byte[] model(int n) {
        ProtoWriter graph = new ProtoWriter()
                .message(1, new ProtoWriter().string(1, "a").string(1, "b").string(2, "c")
                        .string(3, "multiply").string(4, "MatMul"))
                .string(2, "matmul");
        for (String name : List.of("a", "b")) {
            graph.message(11, matrix(name, n));
        }
        graph.message(12, matrix("c", n));
        return new ProtoWriter()
                .varint(1, 7)
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13))
                .toByteArray();
    }

    private static ProtoWriter matrix(String name, int n) {
        ProtoWriter shape = new ProtoWriter()
                .message(1, new ProtoWriter().varint(1, n))
                .message(1, new ProtoWriter().varint(1, n));
        ProtoWriter tensor = new ProtoWriter().varint(1, 1).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
