package dev.actionrec.model;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Consistency checks run on every model file that is loaded. */
final class ModelChecks {

    private ModelChecks() {}

    static void check(Path file, ModelMetadata metadata, ComputationGraph network)
            throws ModelFileException {
        if (metadata.formatVersion() > ModelMetadata.FORMAT_VERSION) {
            throw new ModelFileException(file, "model file format " + metadata.formatVersion()
                    + " was written by a newer actionrec (" + metadata.actionrecVersion()
                    + "); this version reads format " + ModelMetadata.FORMAT_VERSION);
        }
        require(file, metadata.labels() != null && metadata.labels().size() >= 2,
                "model file lists fewer than two labels");
        require(file, metadata.backbone() != null && metadata.backbone().id() != null
                && metadata.backbone().weightsSha256() != null,
                "model file does not record its backbone and weights checksum");
        require(file, metadata.sampling() != null && metadata.sampling().frames() > 0
                && metadata.sampling().fps() > 0,
                "model file does not record a valid frame sampling");
        require(file, metadata.normalizer() != null,
                "model file has no feature normaliser");
        require(file, metadata.normalizer().featureSize() == metadata.backbone().featureSize(),
                "normaliser has " + metadata.normalizer().featureSize() + " dimensions but the"
                        + " backbone gives " + metadata.backbone().featureSize());

        long outputs = ActionModel.outputCount(network);
        require(file, outputs == metadata.labels().size(),
                "network has " + outputs + " outputs but " + metadata.labels().size() + " labels");
    }

    private static void require(Path file, boolean condition, String problem)
            throws ModelFileException {
        if (!condition) {
            throw new ModelFileException(file, problem + "; the file is damaged or not written by"
                    + " 'actionrec train', train the model again");
        }
    }
}
