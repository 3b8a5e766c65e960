package dev.actionrec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.encoder.EncoderType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceTest {

    @TempDir
    Path temp;

    @Test
    void hugeLearningRateStopsWithoutCheckpoint() throws Exception {
        EncoderConfig encoder = EncoderConfig.defaults(EncoderType.MEAN, SyntheticClips.FEATURES,
                SyntheticClips.LABELS.size()).withHiddenSize(8).withDropout(0)
                .withLearningRate(1e30);
        Path checkpoint = temp.resolve("model.checkpoint");
        TrainingPipeline.Request request = SyntheticClips.request(encoder,
                new TrainingOptions(3, 2, 0, 7), ClassWeighting.NONE, checkpoint, false);
        List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 4, 4, 4);

        TrainingException e = assertThrows(TrainingException.class, () -> EncoderTraining.fit(
                request, training, List.of(), (record, network) -> {}));

        assertTrue(e.getMessage().contains("in epoch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Lower --learning-rate"), e.getMessage());
        assertTrue(e.getMessage().contains("clip gradients"), e.getMessage());
        assertTrue(e.getMessage().contains("check the input features"), e.getMessage());
        assertFalse(Files.exists(checkpoint));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
