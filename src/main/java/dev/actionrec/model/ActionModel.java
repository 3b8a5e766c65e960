package dev.actionrec.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.actionrec.encoder.Encoders;
import dev.actionrec.encoder.SequenceBatch;
import dev.actionrec.features.Backbone;
import dev.actionrec.features.ClipFeatures;
import dev.actionrec.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained action classifier: the temporal encoder network plus the labels, backbone, sampling
 * and feature normaliser it needs, stored together in one model file.
 *
 * <p>The model file is a zip archive with {@value #METADATA_ENTRY} (JSON) and {@value
 * #NETWORK_ENTRY} (a DL4J {@link ModelSerializer} archive). It is written atomically.
 */
public final class ActionModel {

    static final String METADATA_ENTRY = "actionrec-model.json";
    static final String NETWORK_ENTRY = "network.dl4j.zip";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ComputationGraph network;
    private final ModelMetadata metadata;

    /**
     * Wraps a trained network.
     *
     * @throws IllegalArgumentException if the network's output size differs from the labels
     */
    public ActionModel(ComputationGraph network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
        long outputs = outputCount(network);
        if (outputs != metadata.labels().size()) {
            throw new IllegalArgumentException("network has " + outputs + " outputs but there are "
                    + metadata.labels().size() + " labels");
        }
    }

    /** Returns the number of classes the network's output layer scores. */
    static long outputCount(ComputationGraph network) {
        return network.getOutputLayer(0).getParam("W").size(1);
    }

    /** Returns the encoder network, input {@code [batch, features, time]} with a time mask. */
    public ComputationGraph network() {
        return network;
    }

    /** Returns the labels, backbone, sampling, normaliser and training summary. */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Writes the model file atomically: a reader sees the old file or the complete new one.
     *
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public void save(Path file) throws IOException {
        ByteArrayOutputStream networkBytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, networkBytes, false);
        byte[] metadataBytes = JSON.writeValueAsBytes(metadata);

        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(metadataBytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            networkBytes.writeTo(zip);
            zip.closeEntry();
            zip.finish();
        });
    }

    /**
     * Loads and checks a model file.
     *
     * @throws ModelFileException if the file is missing, is not an actionrec model, was written
     *     by a newer version, or its parts do not fit together
     */
    public static ActionModel load(Path file) throws ModelFileException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file,
                    "model file not found; train one with 'actionrec train DATA_DIR --out MODEL'");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ModelMetadata metadata = readMetadata(file, zip);
            ComputationGraph network = readNetwork(file, zip);
            ModelChecks.check(file, metadata, network);
            return new ActionModel(network, metadata);
        } catch (ZipException e) {
            throw new ModelFileException(file,
                    "not an actionrec model file (not a zip archive); pass a file written by"
                            + " 'actionrec train'", e);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "model file not found", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot read the model file (" + e.getMessage()
                    + "); it may be truncated or corrupt, train it again", e);
        }
    }

    /**
     * Computes class probabilities for clips, in batches.
     *
     * @param clips feature sequences from this model's backbone and sampling
     * @param batchSize clips per forward pass
     * @return {@code [clips][labels]} probabilities, each row summing to 1
     * @throws IllegalArgumentException if a clip's feature size differs from the model's
     */
    public float[][] predict(List<ClipFeatures> clips, int batchSize) {
        float[][] probabilities = new float[clips.size()][];
        for (int start = 0; start < clips.size(); start += batchSize) {
            List<ClipFeatures> part = clips.subList(start, Math.min(clips.size(), start + batchSize));
            float[][] rows = forward(network, part.stream().map(metadata.normalizer()::apply).toList());
            System.arraycopy(rows, 0, probabilities, start, rows.length);
        }
        return probabilities;
    }

    /**
     * Runs an encoder network on already normalised clips, padded into one batch.
     *
     * @return {@code [clips][classes]} probabilities
     */
    public static float[][] forward(ComputationGraph network, List<ClipFeatures> normalizedClips) {
        SequenceBatch batch = SequenceBatch.of(
                normalizedClips.stream().map(ClipFeatures::vectors).toList());
        INDArray output = Encoders.predict(network, batch);
        return output.castTo(DataType.FLOAT).toFloatMatrix();
    }

    /**
     * Checks that features from {@code backbone} are the ones this model was trained on.
     *
     * @throws ModelFileException naming the backbone and weights the model needs
     */
    public void requireBackbone(Path file, Backbone backbone) throws ModelFileException {
        ModelMetadata.BackboneInfo expected = metadata.backbone();
        if (!expected.id().equals(backbone.id())) {
            throw new ModelFileException(file, "model was trained on backbone '" + expected.id()
                    + "' but '" + backbone.id() + "' was given; use --backbone " + expected.id());
        }
        if (!expected.weightsSha256().equals(backbone.weightsSha256())) {
            throw new ModelFileException(file, "model was trained with " + expected.id()
                    + " weights of SHA-256 " + expected.weightsSha256() + " but the weights found"
                    + " have SHA-256 " + backbone.weightsSha256() + "; use the same weight file");
        }
    }

    private static ModelMetadata readMetadata(Path file, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(METADATA_ENTRY);
        if (entry == null) {
            throw new ModelFileException(file, "not an actionrec model file (no " + METADATA_ENTRY
                    + "); pass a file written by 'actionrec train'");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readValue(in, ModelMetadata.class);
        }
    }

    private static ComputationGraph readNetwork(Path file, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(NETWORK_ENTRY);
        if (entry == null) {
            throw new ModelFileException(file, "model file has no network (" + NETWORK_ENTRY
                    + "); it is incomplete, train it again");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return ModelSerializer.restoreComputationGraph(in, false);
        }
    }
}
