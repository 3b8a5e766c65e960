package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.onnx.OnnxExporter;
import dev.actionrec.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks the exporter vertex by vertex on small random networks whose sizes need uneven padding, where
 * padding and pooling edge cases show, against DL4J's own output.
 */
class OnnxExporterTest {

    private static final int SIZE = 16;
    private static final BackboneInfo INFO = new BackboneInfo("tiny", SIZE, 6, 0,
            WeightFile.MOBILENET_V2_QUANT, "dense", PixelNormalisation.TFLITE_UINT8, "test network");

    @ParameterizedTest
    @EnumSource(names = {"NCHW", "NHWC"})
    void exportedNetworkMatchesDl4j(CNN2DFormat format) {
        ComputationGraph graph = network(format);
        List<VideoFrame> frames = randomFrames(3);

        INDArray expected = graph.output(false,
                FrameTensors.toInput(frames, format, SIZE, INFO.normalisation()))[0];
        byte[] model = OnnxModels.export(graph, format, SIZE, "dense");
        try (OnnxBackbone onnx = new OnnxBackbone(INFO, model, "test", 1, 2, 6)) {
            INDArray actual = onnx.features(frames);

            assertArrayEquals(expected.shape(), actual.shape());
            double difference = actual.sub(expected).amaxNumber().doubleValue();
            assertTrue(difference < 1e-4, "max |onnx - dl4j| = " + difference);
        }
    }

    @Test
    void unsupportedLayerIsNamed() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(SIZE, SIZE, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4)
                        .activation(Activation.RELU).build(), "image")
                .addLayer("norm", new BatchNormalization.Builder().build(), "conv")
                .addLayer("pool", new GlobalPoolingLayer(PoolingType.AVG), "norm")
                .setOutputs("pool")
                .build());
        graph.init();

        var e = assertThrows(IllegalArgumentException.class,
                () -> OnnxModels.export(graph, CNN2DFormat.NCHW, SIZE, "pool"));
        assertTrue(e.getMessage().contains("vertex norm"), e.getMessage());
        assertTrue(e.getMessage().contains("BatchNormalization"), e.getMessage());
    }

    @Test
    void missingVertexIsRejected() {
        ComputationGraph graph = network(CNN2DFormat.NCHW);

        var e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExporter.export(graph, (InputType.InputTypeConvolutional)
                        InputType.convolutional(SIZE, SIZE, 3), "nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    /**
     * Returns a network with every supported vertex: Same and Truncate convolutions with stride
     * 2 on odd sizes, a depthwise convolution, max and average pooling, concatenation, addition,
     * global average pooling and a dense layer, with identity, ReLU and ReLU6.
     */
    private static ComputationGraph network(CNN2DFormat format) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(7)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(SIZE, SIZE, 3, format))
                .addLayer("same", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(8)
                        .convolutionMode(ConvolutionMode.Same).dataFormat(format)
                        .activation(Activation.RELU6).build(), "image")
                .addLayer("depthwise", new DepthwiseConvolution2D.Builder(3, 3).nOut(8)
                        .depthMultiplier(1).convolutionMode(ConvolutionMode.Same)
                        .dataFormat(format).activation(Activation.IDENTITY).build(), "same")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "same",
                        "depthwise")
                .addLayer("max", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3)
                        .stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
                        .dataFormat(format).build(), "sum")
                .addLayer("avg", new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(3, 3)
                        .stride(2, 2).convolutionMode(ConvolutionMode.Same)
                        .dataFormat(format).build(), "sum")
                .addLayer("padded", new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1)
                        .nOut(4).convolutionMode(ConvolutionMode.Truncate).dataFormat(format)
                        .activation(Activation.RELU).build(), "sum")
                .addVertex("concat", new MergeVertex(), "max", "padded", "avg")
                .addLayer("pooled", new GlobalPoolingLayer.Builder(PoolingType.AVG)
                        .poolingDimensions(format == CNN2DFormat.NHWC ? new int[] {1, 2}
                                : new int[] {2, 3}).build(), "concat")
                .addLayer("dense", new DenseLayer.Builder().nOut(6)
                        .activation(Activation.IDENTITY).build(), "pooled")
                .setOutputs("dense");
        ComputationGraph graph = new ComputationGraph(builder.build());
        graph.init();
        return graph;
    }

    private static List<VideoFrame> randomFrames(int count) {
        Random random = new Random(3);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[SIZE * SIZE * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(i, SIZE, SIZE, rgb));
        }
        return frames;
    }
}
