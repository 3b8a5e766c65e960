package dev.actionrec.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionrec.io.AtomicFiles;
import dev.actionrec.model.FeatureNormalizer;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of an unfinished training run, stored after every epoch so that {@code actionrec
 * train --resume} can continue it.
 *
 * <p>The file is a zip archive with {@value #STATE_ENTRY} (JSON: epoch, history, best epoch,
 * normaliser and input fingerprint), {@value #NETWORK_ENTRY} (the network with its updater
 * state, as {@link ModelSerializer} writes it) and {@value #BEST_PARAMS_ENTRY} (the parameters
 * of the best epoch, in ND4J's binary format). It is written atomically.
 *
 * @param fingerprint digests of the run's inputs, see {@link TrainingFingerprint}
 * @param state the run's progress
 * @param network the network after the last finished epoch, with its updater state
 */
public record TrainingCheckpoint(
        Map<String, String> fingerprint, TrainingState state, ComputationGraph network) {

    /** File name suffix of a checkpoint, appended to the model file name. */
    public static final String SUFFIX = ".checkpoint";

    static final String STATE_ENTRY = "checkpoint.json";
    static final String NETWORK_ENTRY = "network.dl4j.zip";
    static final String BEST_PARAMS_ENTRY = "best-params.bin";

    private static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The JSON part of a checkpoint. */
    record StateJson(int formatVersion, Map<String, String> fingerprint, int completedEpochs,
            List<EpochRecord> history, int bestEpoch, double bestLoss,
            FeatureNormalizer normalizer) {}

    /** Returns the checkpoint file of {@code modelFile}: the same path with {@value #SUFFIX}. */
    public static Path pathFor(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + SUFFIX);
    }

    /**
     * Writes the checkpoint atomically: a reader sees the previous checkpoint or this one.
     *
     * @throws IOException if the file cannot be written; an existing checkpoint is then unchanged
     */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream networkBytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, networkBytes, true);
        ByteArrayOutputStream paramBytes = new ByteArrayOutputStream();
        Nd4j.write(state.bestParams(), new DataOutputStream(paramBytes));
        byte[] stateBytes = JSON.writeValueAsBytes(new StateJson(FORMAT_VERSION, fingerprint,
                state.completedEpochs(), state.history(), state.bestEpoch(), state.bestLoss(),
                state.normalizer()));

        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(STATE_ENTRY));
            zip.write(stateBytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            networkBytes.writeTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(BEST_PARAMS_ENTRY));
            paramBytes.writeTo(zip);
            zip.closeEntry();
            zip.finish();
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @throws TrainingException if the file is missing, incomplete, corrupt or of an unknown
     *     format version
     */
    public static TrainingCheckpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TrainingException("no checkpoint found at " + file + "; run without --resume"
                    + " to start training from the first epoch");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            StateJson json = JSON.readValue(entry(zip, file, STATE_ENTRY), StateJson.class);
            if (json.formatVersion() != FORMAT_VERSION) {
                throw new TrainingException("checkpoint " + file + " has format version "
                        + json.formatVersion() + " but this actionrec reads version "
                        + FORMAT_VERSION + "; run without --resume to start over");
            }
            ComputationGraph network =
                    ModelSerializer.restoreComputationGraph(entry(zip, file, NETWORK_ENTRY), true);
            INDArray bestParams = Nd4j.read(new DataInputStream(
                    new ByteArrayInputStream(entry(zip, file, BEST_PARAMS_ENTRY).readAllBytes())));
            TrainingState state = new TrainingState(json.completedEpochs(), json.history(),
                    json.bestEpoch(), json.bestLoss(), bestParams, json.normalizer());
            return new TrainingCheckpoint(json.fingerprint(), state, network);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TrainingException t) {
                throw t;
            }
            throw new TrainingException("cannot read checkpoint " + file + " (" + e
                    + "); it may be truncated or corrupt, delete it and run without --resume");
        }
    }

    private static InputStream entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new TrainingException("checkpoint " + file + " has no " + name
                    + "; it is incomplete, delete it and run without --resume");
        }
        return zip.getInputStream(entry);
    }
}
