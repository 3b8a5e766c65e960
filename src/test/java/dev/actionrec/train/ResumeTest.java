package dev.actionrec.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.model.ActionModel;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    private static final int EPOCHS = 4;
    private static final int INTERRUPTED_AFTER = 2;

    private final List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 5, 5, 5);
    private final List<LabelledFeatures> validation = SyntheticClips.clips("val", 2, 2, 2, 2);

    @TempDir
    Path temp;

    /** Thrown by a listener to stop training as a killed process would. */
    private static final class Interrupted extends RuntimeException {}

    private static TrainingOptions options(int batchSize) {
        return new TrainingOptions(EPOCHS, batchSize, 0, 7);
    }

    private EncoderTraining.Fitted fit(TrainingOptions options, Path checkpoint, boolean resume,
            Trainer.EpochListener listener) {
        return EncoderTraining.fit(SyntheticClips.request(SyntheticClips.lstm(), options,
                ClassWeighting.NONE, checkpoint, resume), training, validation, listener);
    }

    private void interruptAfter(int epoch, Path checkpoint) {
        assertThrows(Interrupted.class, () -> fit(options(4), checkpoint, false,
                (record, network) -> {
                    if (record.epoch() == epoch) {
                        throw new Interrupted();
                    }
                }));
    }

    @Test
    void resumedRunEqualsUninterruptedRun() {
        EncoderTraining.Fitted uninterrupted =
                fit(options(4), temp.resolve("a.checkpoint"), false, (record, network) -> {});
        Path checkpoint = temp.resolve("b.checkpoint");
        interruptAfter(INTERRUPTED_AFTER, checkpoint);
        assertTrue(Files.isRegularFile(checkpoint));
        TrainingCheckpoint saved = TrainingCheckpoint.read(checkpoint);
        assertEquals(INTERRUPTED_AFTER, saved.state().completedEpochs());

        EncoderTraining.Fitted resumed = fit(options(4), checkpoint, true, (record, network) -> {});

        List<EpochRecord> fullHistory = uninterrupted.result().history();
        assertEquals(EPOCHS, fullHistory.size());
        assertEquals(fullHistory, resumed.result().history());
        assertEquals(uninterrupted.result().bestEpoch(), resumed.result().bestEpoch());
        assertEquals(uninterrupted.result().normalizer(), resumed.result().normalizer());
        float[] expected = uninterrupted.network().params().toFloatVector();
        float[] actual = resumed.network().params().toFloatVector();
        assertArrayEquals(expected, actual, 1e-6f);
        float[][] expectedProbabilities = predict(uninterrupted);
        float[][] actualProbabilities = predict(resumed);
        for (int i = 0; i < expectedProbabilities.length; i++) {
            assertArrayEquals(expectedProbabilities[i], actualProbabilities[i], 1e-6f);
        }
    }

    private float[][] predict(EncoderTraining.Fitted fitted) {
        return ActionModel.forward(fitted.network(), validation.stream()
                .map(clip -> fitted.result().normalizer().apply(clip.features()))
                .toList());
    }

    @Test
    void checkpointKeepsUpdaterState() {
        Path checkpoint = temp.resolve("model.checkpoint");
        interruptAfter(1, checkpoint);

        TrainingCheckpoint saved = TrainingCheckpoint.read(checkpoint);

        assertTrue(saved.network().getUpdater().getStateViewArray() != null);
        assertNotEquals(0.0, saved.network().getUpdater().getStateViewArray()
                .amaxNumber().doubleValue());
        assertEquals(1, saved.state().history().size());
        assertEquals(1, saved.state().bestEpoch());
    }

    @Test
    void resumeRejectsOtherOptions() {
        Path checkpoint = temp.resolve("model.checkpoint");
        interruptAfter(1, checkpoint);

        TrainingException e = assertThrows(TrainingException.class,
                () -> fit(options(3), checkpoint, true, (record, network) -> {}));

        assertTrue(e.getMessage().contains("different options"), e.getMessage());
        assertTrue(e.getMessage().contains("without --resume"), e.getMessage());
    }

    @Test
    void resumeRejectsOtherLabels() {
        Path checkpoint = temp.resolve("model.checkpoint");
        interruptAfter(1, checkpoint);
        LabelledFeatures first = training.get(0);
        training.set(0, new LabelledFeatures(first.features(), first.label() + 1));

        TrainingException e = assertThrows(TrainingException.class,
                () -> fit(options(4), checkpoint, true, (record, network) -> {}));

        assertTrue(e.getMessage().contains("different clips"), e.getMessage());
    }

    @Test
    void resumeWithoutCheckpointFails() {
        Path checkpoint = temp.resolve("missing.checkpoint");

        TrainingException e = assertThrows(TrainingException.class,
                () -> fit(options(4), checkpoint, true, (record, network) -> {}));

        assertTrue(e.getMessage().contains("no checkpoint found"), e.getMessage());
    }

    @Test
    void checkpointWritesLeaveNoTempFiles() throws Exception {
        Path checkpoint = temp.resolve("model.checkpoint");
        fit(options(4), checkpoint, false, (record, network) -> {});

        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(checkpoint), files.toList());
        }
    }

    @Test
    void shuffledOrderDependsOnSeedAndEpochOnly() {
        Trainer trainer = new Trainer(options(4), 3);
        Trainer again = new Trainer(options(4), 3);

        assertEquals(trainer.shuffledOrder(20, 3), again.shuffledOrder(20, 3));
        assertNotEquals(trainer.shuffledOrder(20, 3), trainer.shuffledOrder(20, 4));
        assertNotEquals(trainer.shuffledOrder(20, 3),
                new Trainer(new TrainingOptions(EPOCHS, 4, 0, 8), 3).shuffledOrder(20, 3));
        assertFalse(trainer.shuffledOrder(20, 1).isEmpty());
    }
}
