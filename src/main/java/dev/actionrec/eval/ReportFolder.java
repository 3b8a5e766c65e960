package dev.actionrec.eval;

import dev.actionrec.data.SkippedFile;
import dev.actionrec.io.AtomicFiles;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.model.TrainingSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an evaluation into a folder: {@code report.json}, {@code predictions.csv}, {@code
 * confusion.csv}, {@code confusion.png}, {@code training.png} (when the model has a per-epoch
 * history) and {@code index.html}, one page with every image embedded so that it can be sent as
 * a single file. Each file is written atomically.
 */
public final class ReportFolder {

    /** File name of the metrics as JSON. */
    public static final String JSON = "report.json";

    /** File name of the per-clip predictions. */
    public static final String PREDICTIONS = "predictions.csv";

    /** File name of the confusion matrix as CSV. */
    public static final String CONFUSION_CSV = "confusion.csv";

    /** File name of the confusion matrix heat map. */
    public static final String CONFUSION_PNG = "confusion.png";

    /** File name of the training curves, written only when the model has a per-epoch history. */
    public static final String TRAINING_PNG = "training.png";

    /** File name of the self-contained HTML page. */
    public static final String HTML = "index.html";

    /** Maximum number of misclassified clips the page lists. It only counts the rest. */
    public static final int MAX_MISCLASSIFIED = 100;

    private static final Logger log = LoggerFactory.getLogger(ReportFolder.class);

    private ReportFolder() {}

    /**
     * Writes the report folder, creating it if missing and replacing files of an earlier report.
     *
     * @param dir the folder
     * @param report the evaluation
     * @param model the evaluated model's metadata, for its settings and training history
     * @param skipped files that were not evaluated, with the reason
     * @param splitDescription how the evaluated clips were chosen, or null when all clips of the
     *     data were evaluated
     * @param thumbnails pictures of the misclassified clips; a clip that fails gets a note
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path dir, EvaluationReport report, ModelMetadata model,
            List<SkippedFile> skipped, String splitDescription, ThumbnailSource thumbnails)
            throws IOException {
        List<Path> written = new ArrayList<>();
        report.writeJson(add(written, dir.resolve(JSON)));
        report.writePredictionsCsv(add(written, dir.resolve(PREDICTIONS)));
        report.writeConfusionCsv(add(written, dir.resolve(CONFUSION_CSV)));

        byte[] confusionPng = png(ReportCharts.confusionHeatMap(report.confusionMatrix()));
        AtomicFiles.write(add(written, dir.resolve(CONFUSION_PNG)), out -> out.write(confusionPng));
        byte[] trainingPng = null;
        TrainingSummary training = model.training();
        if (training != null && !training.epochs().isEmpty()) {
            byte[] curves = png(ReportCharts.trainingCurves(training));
            AtomicFiles.write(add(written, dir.resolve(TRAINING_PNG)), out -> out.write(curves));
            trainingPng = curves;
        }

        List<Prediction> wrong = report.predictions().stream()
                .filter(p -> p.predicted() != p.actual()).toList();
        List<MisclassifiedClip> shown = new ArrayList<>();
        for (Prediction prediction : wrong.subList(0, Math.min(MAX_MISCLASSIFIED, wrong.size()))) {
            shown.add(withThumbnail(prediction, thumbnails));
        }
        String html = ReportHtml.format(report, model, skipped, splitDescription, confusionPng,
                trainingPng, shown, wrong.size() - shown.size());
        AtomicFiles.writeString(add(written, dir.resolve(HTML)), html);
        log.info("Wrote the report folder {} ({} files)", dir, written.size());
        return written;
    }

    private static MisclassifiedClip withThumbnail(Prediction prediction,
            ThumbnailSource thumbnails) {
        try {
            Optional<BufferedImage> image = thumbnails.thumbnail(prediction.path());
            if (image.isEmpty()) {
                return new MisclassifiedClip(prediction, null, "no thumbnail");
            }
            return new MisclassifiedClip(prediction, png(image.get()), null);
        } catch (IOException | RuntimeException e) {
            log.warn("No thumbnail for {}: {}", prediction.path(), e.getMessage());
            return new MisclassifiedClip(prediction, null,
                    "no thumbnail: " + e.getMessage());
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer is available in this Java runtime");
        }
        return bytes.toByteArray();
    }

    private static Path add(List<Path> written, Path file) {
        written.add(file);
        return file;
    }
}
