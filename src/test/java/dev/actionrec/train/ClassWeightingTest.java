package dev.actionrec.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.encoder.EncoderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class ClassWeightingTest {

    @TempDir
    Path temp;

    @Test
    void autoIsInverseFrequencyWithMeanOne() {
        List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 6, 3, 1);

        double[] weights = ClassWeighting.AUTO.resolve(SyntheticClips.LABELS, training);

        // 1/6, 1/3 and 1/1 scaled by 3 / (1/6 + 1/3 + 1) = 2.
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 2.0}, weights, 1e-12);
        assertEquals(1.0, (weights[0] + weights[1] + weights[2]) / 3, 1e-12);
    }

    @Test
    void autoGivesAbsentClassWeightOne() {
        List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 4, 0, 1);

        double[] weights = ClassWeighting.AUTO.resolve(SyntheticClips.LABELS, training);

        assertArrayEquals(new double[] {0.4, 1.0, 1.6}, weights, 1e-12);
    }

    @Test
    void noneResolvesToNull() {
        assertNull(ClassWeighting.parse("none").resolve(SyntheticClips.LABELS, List.of()));
        assertEquals(ClassWeighting.AUTO, ClassWeighting.parse("auto"));
    }

    @Test
    void csvFileGivesWeightPerLabel() throws Exception {
        Path file = temp.resolve("weights.csv");
        Files.writeString(file, "label,weight\n# rare class\nwave, 3.5\nrun,1\n\nwalk,0.25\n");

        double[] weights = ClassWeighting.parse(file.toString())
                .resolve(SyntheticClips.LABELS, List.of());

        assertArrayEquals(new double[] {1.0, 0.25, 3.5}, weights, 0.0);
    }

    @Test
    void csvFileErrorsNameTheProblem() throws Exception {
        String[][] cases = {
            {"run,1\nwalk,1\n", "no weight for label 'wave'"},
            {"run,1\nwalk,1\nwave,1\njump,2\n", "unknown label 'jump'"},
            {"run,1\nwalk,x\nwave,1\n", "invalid weight"},
            {"run,1\nwalk,-1\nwave,1\n", "finite and 0 or more"},
            {"run,1\nrun,2\nwalk,1\nwave,1\n", "repeats label 'run'"},
            {"run,0\nwalk,0\nwave,0\n", "every label weight 0"},
            {"run 1\n", "not in the form label,weight"},
        };
        for (String[] testCase : cases) {
            Path file = temp.resolve("weights.csv");
            Files.writeString(file, testCase[0]);
            ClassWeighting weighting = ClassWeighting.parse(file.toString());

            TrainingException e = assertThrows(TrainingException.class,
                    () -> weighting.resolve(SyntheticClips.LABELS, List.of()));

            assertTrue(e.getMessage().contains(testCase[1]), e.getMessage());
        }
    }

    @Test
    void missingCsvFileIsReported() {
        ClassWeighting weighting = ClassWeighting.parse(temp.resolve("absent.csv").toString());

        TrainingException e = assertThrows(TrainingException.class,
                () -> weighting.resolve(SyntheticClips.LABELS, List.of()));

        assertTrue(e.getMessage().contains("absent.csv"), e.getMessage());
    }

    @Test
    void weightedLossSurvivesSerialization() throws Exception {
        ComputationGraph network = EncoderFactory.build(SyntheticClips.lstm());
        EncoderTraining.applyClassWeights(network, new double[] {0.5, 1.0, 1.5});

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        ILossFunction loss =
                ((BaseOutputLayer) restored.getOutputLayer(0).conf().getLayer()).getLossFn();
        assertTrue(loss instanceof LossMCXENT, loss.toString());
        assertArrayEquals(new float[] {0.5f, 1.0f, 1.5f},
                ((LossMCXENT) loss).getWeights().toFloatVector(), 0f);
    }

    @Test
    void classWeightsChangeTrainingLoss() {
        List<LabelledFeatures> training = SyntheticClips.clips("train", 1, 6, 3, 1);
        TrainingOptions options = new TrainingOptions(1, 4, 0, 7);

        double unweighted = trainLoss(training, options, ClassWeighting.NONE);
        double weighted = trainLoss(training, options, ClassWeighting.AUTO);

        assertTrue(Math.abs(unweighted - weighted) > 1e-3,
                "unweighted " + unweighted + ", weighted " + weighted);
    }

    private static double trainLoss(List<LabelledFeatures> training, TrainingOptions options,
            ClassWeighting weighting) {
        TrainingPipeline.Request request = SyntheticClips.request(SyntheticClips.lstm(), options,
                weighting, null, false);
        EncoderTraining.Fitted fitted =
                EncoderTraining.fit(request, training, List.of(), (record, network) -> {});
        return fitted.result().history().get(0).trainLoss();
    }
}
