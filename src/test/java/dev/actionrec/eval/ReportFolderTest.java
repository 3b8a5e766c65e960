package dev.actionrec.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.data.SkippedFile;
import dev.actionrec.model.FeatureNormalizer;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.model.ModelMetadata.BackboneInfo;
import dev.actionrec.model.ModelMetadata.SamplingInfo;
import dev.actionrec.model.TrainingSummary;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import dev.actionrec.testing.SharedData;
import dev.actionrec.video.SamplingParams;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

    private static final List<String> LABELS = List.of("fight", "no<fight>", "walk");
    private static final String ODD_NAME = "clips/a<b&c>.mp4";
    private static final Pattern THUMBNAIL =
            Pattern.compile("class=\"thumb\" alt=\"middle frame\" src=\"data:image/png;base64,"
                    + "([A-Za-z0-9+/=]+)\"");

    @TempDir Path dir;

    private static List<EpochRecord> history() {
        return List.of(
                new EpochRecord(1, 1.05, 1.00, 0.40),
                new EpochRecord(2, 0.80, 0.85, 0.55),
                new EpochRecord(3, 0.60, 0.70, 0.70),
                new EpochRecord(4, 0.45, 0.75, 0.65),
                new EpochRecord(5, 0.35, 0.80, 0.65));
    }

    private static ModelMetadata model(List<EpochRecord> epochs) {
        TrainingSummary training = new TrainingSummary(epochs, 3,
                Map.of("fight", 40, "no<fight>", 38, "walk", 12),
                Map.of("fight", 10, "no<fight>", 9, "walk", 3),
                "20% of the groups held out for validation", 42L, 12.5, "2026-01-02T03:04:05Z");
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "0.1.0", LABELS,
                new BackboneInfo("mobilenetv2", "ab12cd34", 224, 1280),
                new SamplingInfo(8, 4.0), "lstm", Map.of("hidden", 64),
                new FeatureNormalizer(new float[] {0f}, new float[] {1f}), training);
    }

    /**
     * Six clips, three misclassified: the odd name (fight as walk), w2 (walk as fight) and the
     * real video given (fight as no fight). Accuracy 3/6.
     */
    private static EvaluationReport report(String videoClip) {
        List<Prediction> predictions = List.of(
                new Prediction("f1.mp4", 0, new float[] {0.8f, 0.1f, 0.1f}),
                new Prediction(ODD_NAME, 0, new float[] {0.2f, 0.1f, 0.7f}),
                new Prediction(videoClip, 0, new float[] {0.3f, 0.6f, 0.1f}),
                new Prediction("n1.mp4", 1, new float[] {0.1f, 0.7f, 0.2f}),
                new Prediction("w1.mp4", 2, new float[] {0.1f, 0.2f, 0.7f}),
                new Prediction("w2.mp4", 2, new float[] {0.5f, 0.1f, 0.4f}));
        return EvaluationReport.of(LABELS, predictions, 2);
    }

    private static List<SkippedFile> skipped() {
        return List.of(new SkippedFile(Path.of("data/fight/broken<1>.mp4"),
                "decoding failed; re-export the file as H.264 MP4"));
    }

    private Path writeFolder(ThumbnailSource thumbnails, String videoClip) throws IOException {
        Path folder = dir.resolve("report");
        ReportFolder.write(folder, report(videoClip), model(history()), skipped(),
                "held-out list of split/ (seed 7)", thumbnails);
        return folder;
    }

    @Test
    void folderHasAllFiles() throws IOException {
        Path folder = writeFolder(ThumbnailSource.none(), "missing.mp4");

        for (String name : List.of(ReportFolder.JSON, ReportFolder.PREDICTIONS,
                ReportFolder.CONFUSION_CSV, ReportFolder.CONFUSION_PNG, ReportFolder.TRAINING_PNG,
                ReportFolder.HTML)) {
            assertTrue(Files.size(folder.resolve(name)) > 0, name);
        }
        try (var files = Files.list(folder)) {
            assertEquals(6, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void pngsDecodeWithPlausibleSizes() throws IOException {
        Path folder = writeFolder(ThumbnailSource.none(), "missing.mp4");

        BufferedImage confusion = ImageIO.read(folder.resolve(ReportFolder.CONFUSION_PNG).toFile());
        BufferedImage training = ImageIO.read(folder.resolve(ReportFolder.TRAINING_PNG).toFile());

        assertNotNull(confusion);
        assertTrue(confusion.getWidth() >= 400, "confusion width " + confusion.getWidth());
        assertTrue(confusion.getHeight() >= 300, "confusion height " + confusion.getHeight());
        assertNotNull(training);
        assertEquals(1120, training.getWidth());
        assertEquals(380, training.getHeight());
    }

    @Test
    void htmlShowsMetricsAndTables() throws IOException {
        String html = Files.readString(writeFolder(ThumbnailSource.none(), "missing.mp4")
                .resolve(ReportFolder.HTML));

        assertTrue(html.contains(">0.500<"), "accuracy 3/6");
        assertTrue(html.contains("3 of 6 clips"), "accuracy counts");
        assertTrue(html.contains("top-2 accuracy"), "top-k name");
        assertTrue(html.contains("6 of 6 clips"), "top-2 counts");
        assertTrue(html.contains("mean class accuracy"), "mean class accuracy");
        assertTrue(html.contains("macro-F1"), "macro-F1");
        assertTrue(html.contains("lstm"), "encoder");
        assertTrue(html.contains("mobilenetv2"), "backbone");
        assertTrue(html.contains("8 frames at 4.0 frames per second"), "sampling");
        assertTrue(html.contains("3 of 5"), "best epoch");
        assertTrue(html.contains("20% of the groups held out for validation"), "training split");
        assertTrue(html.contains("held-out list of split/ (seed 7)"), "evaluation split");
    }

    @Test
    void htmlEscapesNamesAndLabels() throws IOException {
        String html = Files.readString(writeFolder(ThumbnailSource.none(), "missing.mp4")
                .resolve(ReportFolder.HTML));

        assertTrue(html.contains("clips/a&lt;b&amp;c&gt;.mp4"), "escaped clip name");
        assertFalse(html.contains("a<b&c>"), "raw clip name");
        assertTrue(html.contains("no&lt;fight&gt;"), "escaped label");
        assertFalse(html.contains("no<fight>"), "raw label");
        assertTrue(html.contains("data/fight/broken&lt;1&gt;.mp4"), "skipped file");
        assertTrue(html.contains("re-export the file as H.264 MP4"), "skip reason");
    }

    @Test
    void htmlListsOnlyMisclassifiedClips() throws IOException {
        String html = Files.readString(writeFolder(ThumbnailSource.none(), "missing.mp4")
                .resolve(ReportFolder.HTML));
        String misclassified = html.substring(html.indexOf("<h2>Misclassified clips</h2>"),
                html.indexOf("<h2>Skipped files</h2>"));

        assertTrue(misclassified.contains("<th>top-3 guesses</th>"), misclassified);
        assertTrue(misclassified.contains("w2.mp4"), misclassified);
        assertTrue(misclassified.contains("missing.mp4"), misclassified);
        assertTrue(misclassified.contains("<li>walk 0.700</li>"), misclassified);
        assertTrue(misclassified.contains("<li><strong>fight 0.200</strong></li>"),
                misclassified);
        assertFalse(misclassified.contains("f1.mp4"), misclassified);
        assertFalse(misclassified.contains("n1.mp4"), misclassified);
    }

    @Test
    void htmlHasNoExternalReferences() throws IOException {
        String html = Files.readString(writeFolder(ThumbnailSource.none(), "missing.mp4")
                .resolve(ReportFolder.HTML));

        assertFalse(html.contains("src=\"http"), "external image or script");
        assertFalse(html.contains("href=\"http"), "external link");
        assertFalse(html.contains("<link"), "external style sheet");
        assertFalse(html.contains("@import"), "imported style sheet");
        assertEquals(2, count(html, "src=\"data:image/png;base64,"), "embedded charts");
    }

    @Test
    void thumbnailOfRealClip() throws IOException {
        Path video = SharedData.resolve("videos/fight-surveillance/fight/fi001.mp4");
        ThumbnailSource thumbnails =
                new VideoThumbnails(new SamplingParams(8, 4.0), 112, Duration.ofSeconds(30));

        String html = Files.readString(writeFolder(thumbnails, video.toString())
                .resolve(ReportFolder.HTML));
        Matcher matcher = THUMBNAIL.matcher(html);

        assertTrue(matcher.find(), "thumbnail of " + video);
        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(matcher.group(1))));
        assertEquals(112, image.getWidth());
        assertEquals(112, image.getHeight());
        assertFalse(matcher.find(), "only the real clip has a thumbnail");
        assertTrue(html.contains("no thumbnail: w2.mp4: video file not found"), html);
    }

    @Test
    void modelWithoutHistoryHasNoTrainingChart() throws IOException {
        Path folder = dir.resolve("report");
        ReportFolder.write(folder, report("x.mp4"), model(new ArrayList<>()), List.of(), null,
                ThumbnailSource.none());
        String html = Files.readString(folder.resolve(ReportFolder.HTML));

        assertFalse(Files.exists(folder.resolve(ReportFolder.TRAINING_PNG)));
        assertTrue(html.contains("no per-epoch history"), "history note");
        assertTrue(html.contains("All 6 readable clips of the data folder"), "no split note");
        assertTrue(html.contains("None: every file was evaluated."), "no skipped files");
    }

    @Test
    void trainingCurvesWithoutValidation() {
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.9, Double.NaN, Double.NaN),
                new EpochRecord(2, 0.7, Double.NaN, Double.NaN));
        TrainingSummary training = new TrainingSummary(epochs, 2, Map.of(), Map.of(),
                "no validation set", 1L, 1.0, "2026-01-01T00:00:00Z");

        BufferedImage curves = ReportCharts.trainingCurves(training);

        assertEquals(1120, curves.getWidth());
    }

    @Test
    void chartLabelsShortenedAndKeptDistinct() {
        String longA = "a".repeat(30) + "-first";
        String longB = "a".repeat(30) + "-second";

        assertEquals(List.of("run", "a".repeat(23) + "\u2026"),
                ReportCharts.axisLabels(List.of("run", longA)));
        assertEquals(List.of("1. run", "2. " + "a".repeat(23) + "\u2026",
                "3. " + "a".repeat(23) + "\u2026"),
                ReportCharts.axisLabels(List.of("run", longA, longB)));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
