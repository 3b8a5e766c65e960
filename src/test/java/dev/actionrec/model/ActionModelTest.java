package dev.actionrec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.encoder.EncoderFactory;
import dev.actionrec.encoder.EncoderType;
import dev.actionrec.features.ClipFeatures;
import dev.actionrec.testing.NamedBackbone;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionModelTest {

    private static final int FEATURES = 6;

    @TempDir
    Path temp;

    private static ActionModel tinyModel() {
        EncoderConfig config = EncoderConfig.defaults(EncoderType.LSTM, FEATURES, 3)
                .withHiddenSize(8);
        float[] mean = new float[FEATURES];
        float[] std = new float[FEATURES];
        Arrays.fill(std, 2f);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test",
                List.of("run", "walk", "wave"),
                new ModelMetadata.BackboneInfo("mobilenetv2", "abc123", 224, FEATURES),
                new ModelMetadata.SamplingInfo(16, 8.0), "lstm", Map.of("hiddenSize", 8),
                new FeatureNormalizer(mean, std),
                new TrainingSummary(List.of(new TrainingSummary.EpochRecord(1, 1.1, 1.0, 0.5)),
                        1, Map.of("run", 1), Map.of("run", 1), "none", 42, 0.5, "now"));
        return new ActionModel(EncoderFactory.build(config), metadata);
    }

    private static ClipFeatures clip(int steps, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[steps][FEATURES];
        for (float[] vector : vectors) {
            for (int f = 0; f < FEATURES; f++) {
                vector[f] = (float) random.nextGaussian();
            }
        }
        return new ClipFeatures(Path.of("clip" + seed), new long[steps], vectors);
    }

    @Test
    void saveAndLoadGiveSamePredictions() throws IOException {
        ActionModel model = tinyModel();
        List<ClipFeatures> clips = List.of(clip(16, 1), clip(5, 2), clip(9, 3));
        Path file = temp.resolve("sub dir/model.actionrec");

        model.save(file);
        ActionModel loaded = ActionModel.load(file);

        assertEquals(model.metadata(), loaded.metadata());
        float[][] before = model.predict(clips, 2);
        float[][] after = loaded.predict(clips, 2);
        for (int i = 0; i < clips.size(); i++) {
            assertArrayEquals(before[i], after[i], 0f);
            assertEquals(1.0, sum(after[i]), 1e-5);
        }
    }

    @Test
    void batchSizeDoesNotChangePredictions() {
        ActionModel model = tinyModel();
        List<ClipFeatures> clips = List.of(clip(16, 1), clip(3, 2), clip(12, 3));

        float[][] batched = model.predict(clips, 3);
        float[][] single = model.predict(clips, 1);

        for (int i = 0; i < clips.size(); i++) {
            assertArrayEquals(single[i], batched[i], 1e-5f);
        }
    }

    @Test
    void saveLeavesNoTemporaryFile() throws IOException {
        Path file = temp.resolve("model.actionrec");
        tinyModel().save(file);
        tinyModel().save(file);

        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void missingFileNamesTrainCommand() {
        Path file = temp.resolve("absent.actionrec");

        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ActionModel.load(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("actionrec train"), error.getMessage());
    }

    @Test
    void textFileIsNotAModel() throws IOException {
        Path file = temp.resolve("notes.actionrec");
        Files.writeString(file, "not a model");

        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ActionModel.load(file));

        assertTrue(error.getMessage().contains("not an actionrec model"), error.getMessage());
    }

    @Test
    void zipWithoutMetadataRejected() throws IOException {
        Path file = temp.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("something.txt"));
            zip.write(1);
            zip.closeEntry();
        }

        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ActionModel.load(file));

        assertTrue(error.getMessage().contains(ActionModel.METADATA_ENTRY), error.getMessage());
    }

    @Test
    void truncatedModelRejected() throws IOException {
        Path file = temp.resolve("model.actionrec");
        tinyModel().save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ActionModel.load(file));

        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
    }

    @Test
    void otherBackboneRejected() {
        ActionModel model = tinyModel();
        Path file = Path.of("model.actionrec");

        NamedBackbone resnet = new NamedBackbone("resnet50", "abc123", FEATURES);
        NamedBackbone otherWeights = new NamedBackbone("mobilenetv2", "fff", FEATURES);

        ModelFileException wrongId = assertThrows(ModelFileException.class,
                () -> model.requireBackbone(file, resnet));
        ModelFileException wrongWeights = assertThrows(ModelFileException.class,
                () -> model.requireBackbone(file, otherWeights));

        assertTrue(wrongId.getMessage().contains("--backbone mobilenetv2"), wrongId.getMessage());
        assertTrue(wrongWeights.getMessage().contains("abc123"), wrongWeights.getMessage());
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
