package dev.actionrec.features;

import dev.actionrec.features.onnx.OnnxExporter;
import dev.actionrec.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens backbones on ONNX Runtime. The ONNX model is exported once from the DL4J graph with the
 * same weights and kept beside the converted DL4J graphs, keyed by the weight file's SHA-256 and
 * {@link #EXPORTER_VERSION}, so later runs skip DL4J entirely for the forward pass. A file
 * {@code NAME.onnx.sha256} beside each model contains the model's own SHA-256, so a damaged model
 * is exported again instead of giving wrong features.
 */
final class OnnxModels {

    /** Version of the export, part of the cache key; raise it whenever the export changes. */
    static final int EXPORTER_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(OnnxModels.class);
    private static final Set<String> EXPORTABLE = Set.of(MobileNetV2Backbone.ID, SqueezeNetV10.ID);

    private OnnxModels() {}

    /** Returns whether the backbone can run on ONNX Runtime. */
    static boolean supports(String id) {
        return EXPORTABLE.contains(id);
    }

    /**
     * Opens a backbone on ONNX Runtime with pretrained weights.
     *
     * @param id a backbone for which {@link #supports(String)} is true
     * @param threads ONNX Runtime threads for one forward pass
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    static OnnxBackbone open(String id, WeightsOptions options, int threads, int batchSize) {
        BackboneInfo info = Backbones.info(id);
        String sha256 = info.weights().sha256();
        new WeightStore(options).locate(info.weights());
        Path file = options.cacheDir().resolve(id + "-onnx-v" + EXPORTER_VERSION + "-" + sha256
                + ".onnx");
        byte[] model = cached(file);
        if (model != null) {
            try {
                return new OnnxBackbone(info, model, sha256, threads, batchSize);
            } catch (IllegalStateException e) {
                log.warn("Exported model {} is damaged and is rebuilt: {}", file, e.getMessage());
            }
        }
        model = export(id, options);
        store(file, model);
        return new OnnxBackbone(info, model, sha256, threads, batchSize);
    }

    /** Returns the ONNX model of a backbone's DL4J graph with pretrained weights. */
    static byte[] export(String id, WeightsOptions options) {
        long start = System.nanoTime();
        byte[] model;
        if (id.equals(MobileNetV2Backbone.ID)) {
            try (MobileNetV2Backbone backbone =
                    Backbones.openMobileNetV2(options, Backbones.DEFAULT_FORMAT)) {
                model = export(backbone.graph(), Backbones.DEFAULT_FORMAT,
                        MobileNetV2Backbone.INPUT_SIZE, Backbones.MOBILENET_V2_INFO.featureVertex());
            }
        } else if (id.equals(SqueezeNetV10.ID)) {
            try (GraphBackbone backbone = SqueezeNetV10.open(options)) {
                model = export(backbone.graph(), CNN2DFormat.NCHW, SqueezeNetV10.INFO.inputSize(),
                        SqueezeNetV10.INFO.featureVertex());
            }
        } else {
            throw new IllegalArgumentException("backbone " + id + " cannot run on ONNX Runtime;"
                    + " use --engine dl4j");
        }
        log.info("Exported {} to ONNX in {} ms", id, (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** Returns the ONNX model of one vertex of a graph with a square RGB input. */
    static byte[] export(ComputationGraph graph, CNN2DFormat format, int size, String vertex) {
        var input = (InputType.InputTypeConvolutional) InputType.convolutional(size, size, 3, format);
        return OnnxExporter.export(graph, input, vertex);
    }

    /** Returns the cached model if it is intact, otherwise null. */
    private static byte[] cached(Path file) {
        Path checksum = checksumFile(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(checksum)) {
            return null;
        }
        try {
            byte[] model = Files.readAllBytes(file);
            String expected = Files.readString(checksum, StandardCharsets.US_ASCII).strip();
            if (!Sha256.hex(model).equals(expected)) {
                log.warn("Exported model {} does not match its checksum and is exported again",
                        file);
                return null;
            }
            return model;
        } catch (IOException e) {
            log.warn("Cannot read exported model {} ({}); it is exported again", file, e.toString());
            return null;
        }
    }

    private static Path checksumFile(Path model) {
        return model.resolveSibling(model.getFileName() + ".sha256");
    }

    /** Writes the model, then its checksum, each atomically: a model without one is not used. */
    private static void store(Path file, byte[] model) {
        try {
            AtomicFiles.write(file, out -> out.write(model));
            AtomicFiles.writeString(checksumFile(file), Sha256.hex(model) + "\n");
        } catch (IOException e) {
            log.warn("Cannot store exported model {} ({}); it is exported again next time", file,
                    e.toString());
        }
    }
}
