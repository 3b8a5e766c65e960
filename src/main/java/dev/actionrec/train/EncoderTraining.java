package dev.actionrec.train;

import dev.actionrec.encoder.EncoderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the encoder network of a {@link TrainingPipeline.Request} on extracted features, with
 * class weights, a checkpoint after every epoch and resumption from that checkpoint.
 */
public final class EncoderTraining {

    private static final Logger log = LoggerFactory.getLogger(EncoderTraining.class);

    private EncoderTraining() {}

    /**
     * The trained network and what training recorded.
     *
     * @param network the network with the weights of the best epoch
     * @param result normaliser, history and best epoch
     * @param classWeights the loss weight of each label, or null without class weights
     * @param seconds wall-clock training time of this process, in seconds; a resumed run counts
     *     only the epochs after the checkpoint
     */
    public record Fitted(ComputationGraph network, Trainer.TrainingResult result,
            double[] classWeights, double seconds) {}

    /**
     * Builds the encoder, or restores it from the request's checkpoint when {@code
     * request.resume()} is set, and trains it.
     *
     * @throws TrainingException if the class weights are invalid or training diverges. It is
     *     also thrown when a checkpoint cannot be written, or when resuming from a checkpoint that
     *     is missing, unreadable or written for other inputs.
     */
    public static Fitted fit(TrainingPipeline.Request request, List<LabelledFeatures> training,
            List<LabelledFeatures> validation, Trainer.EpochListener listener) {
        double[] classWeights = request.classWeighting().resolve(request.labels(), training);
        Map<String, String> fingerprint = TrainingFingerprint.of(request.labels(), training,
                validation, request.encoder(), request.options(), classWeights);
        Path checkpointFile = request.checkpoint();

        TrainingState resumeFrom = null;
        ComputationGraph network;
        if (request.resume()) {
            TrainingCheckpoint checkpoint = readMatching(checkpointFile, fingerprint);
            network = checkpoint.network();
            resumeFrom = checkpoint.state();
            log.info("Resuming from {} after epoch {}", checkpointFile,
                    resumeFrom.completedEpochs());
        } else {
            if (checkpointFile != null && Files.exists(checkpointFile)) {
                log.warn("Starting over: the checkpoint {} of an earlier run will be replaced;"
                        + " pass --resume to continue that run instead", checkpointFile);
            }
            network = EncoderFactory.build(request.encoder());
        }
        applyClassWeights(network, classWeights);
        log.info("Encoder has {} parameters; class weights: {}", network.numParams(),
                classWeights == null ? "none" : Arrays.toString(classWeights));

        Trainer.CheckpointWriter writer = checkpointFile == null
                ? (state, net) -> {}
                : (state, net) -> write(checkpointFile, fingerprint, state, net);
        long start = System.nanoTime();
        Trainer trainer = new Trainer(request.options(), request.labels().size());
        Trainer.TrainingResult result =
                trainer.train(network, training, validation, resumeFrom, writer, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Fitted(network, result, classWeights, seconds);
    }

    /**
     * Sets the loss of the output layer to class-weighted cross-entropy. The weights are part of
     * the layer configuration, so {@code ModelSerializer} stores them with the network.
     *
     * @param classWeights one weight per label, or null to leave the loss unweighted
     */
    static void applyClassWeights(ComputationGraph network, double[] classWeights) {
        if (classWeights == null) {
            return;
        }
        BaseOutputLayer layer = (BaseOutputLayer) network.getOutputLayer(0).conf().getLayer();
        layer.setLossFn(new LossMCXENT(Nd4j.create(classWeights, new long[] {1,
                classWeights.length}, DataType.FLOAT)));
    }

    private static TrainingCheckpoint readMatching(Path file, Map<String, String> fingerprint) {
        if (file == null) {
            throw new TrainingException("cannot resume: no checkpoint file was given");
        }
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(file);
        List<String> differences =
                TrainingFingerprint.differences(fingerprint, checkpoint.fingerprint());
        if (!differences.isEmpty()) {
            throw new TrainingException("cannot resume from " + file + ": it was written for"
                    + " other training inputs (different " + String.join(", ", differences)
                    + "). Resume with the same data, labels, encoder and training options, or run"
                    + " without --resume to start over");
        }
        return checkpoint;
    }

    private static void write(Path file, Map<String, String> fingerprint, TrainingState state,
            ComputationGraph network) {
        try {
            new TrainingCheckpoint(fingerprint, state, network).write(file);
            log.debug("Wrote checkpoint {} after epoch {}", file, state.completedEpochs());
        } catch (IOException e) {
            throw new TrainingException("cannot write checkpoint " + file + " after epoch "
                    + state.completedEpochs() + " (" + e + "); free disk space or choose another"
                    + " --out folder");
        }
    }
}
