package dev.actionrec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionrec.model.ActionModel;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.model.TrainingSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeSaveTest {

    @TempDir
    Path temp;

    @Test
    void saveDeletesCheckpoint() throws Exception {
        Path modelFile = temp.resolve("model.actionrec");
        Path checkpoint = TrainingCheckpoint.pathFor(modelFile);
        List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 4, 2, 2);
        TrainingPipeline.Request request = SyntheticClips.request(SyntheticClips.lstm(),
                new TrainingOptions(2, 4, 0, 7), ClassWeighting.AUTO, checkpoint, false);
        EncoderTraining.Fitted fitted =
                EncoderTraining.fit(request, training, List.of(), (record, network) -> {});
        assertEquals(temp.resolve("model.actionrec.checkpoint"), checkpoint);
        assertTrue(Files.isRegularFile(checkpoint));

        Map<String, Double> weights = Map.of("run", 0.5, "walk", 1.25, "wave", 1.25);
        new TrainingPipeline.Outcome(new ActionModel(fitted.network(), metadata(fitted, weights)),
                List.of(), checkpoint).save(modelFile);

        assertFalse(Files.exists(checkpoint));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(modelFile), files.toList());
        }
        TrainingSummary loaded = ActionModel.load(modelFile).metadata().training();
        assertEquals(weights, loaded.classWeights());
    }

    @Test
    void summaryWithoutClassWeightsLoads() throws Exception {
        String json = "{\"epochs\":[],\"bestEpoch\":1,\"trainClips\":{},\"validationClips\":{},"
                + "\"split\":\"none\",\"seed\":42,\"seconds\":1.5,\"createdAt\":\"now\"}";

        TrainingSummary summary = new ObjectMapper().readValue(json, TrainingSummary.class);

        assertNull(summary.classWeights());
        assertEquals(42, summary.seed());
        assertEquals("now", summary.createdAt());
    }

    private static ModelMetadata metadata(EncoderTraining.Fitted fitted,
            Map<String, Double> classWeights) {
        TrainingSummary summary = new TrainingSummary(fitted.result().history(),
                fitted.result().bestEpoch(), Map.of(), Map.of(), "none", 7, fitted.seconds(),
                "now", classWeights);
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", SyntheticClips.LABELS,
                new ModelMetadata.BackboneInfo("mobilenetv2", "abc123", 224,
                        SyntheticClips.FEATURES),
                new ModelMetadata.SamplingInfo(16, 8.0), "lstm", Map.of("hiddenSize", 8),
                fitted.result().normalizer(), summary);
    }
}
