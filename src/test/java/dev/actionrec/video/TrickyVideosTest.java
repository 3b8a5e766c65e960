package dev.actionrec.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import dev.actionrec.video.VideoDecodeException.Reason;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every file of the shared collection of hard-to-decode videos against its manifest row. */
class TrickyVideosTest {

    private static final int CROP = 64;
    private static final SamplingParams PARAMS = new SamplingParams(40, 2.0);

    static Stream<CSVRecord> manifestRows() throws IOException {
        Path manifest = SharedData.resolve("videos/tricky/manifest.csv");
        try (Reader reader = Files.newBufferedReader(manifest)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .get();
            List<CSVRecord> rows = new ArrayList<>();
            try (CSVParser parser = format.parse(reader)) {
                parser.forEach(rows::add);
            }
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestRows")
    void trickyFileMatchesManifest(CSVRecord row) throws Exception {
        Path file = SharedData.resolve("videos/" + row.get("path"));
        String evidence = row.get("ffprobe_evidence");
        FrameSampler sampler = new FrameSampler(PARAMS, CROP, Duration.ofSeconds(60));

        Reason expectedReason = expectedReason(row, evidence);
        if (expectedReason != null) {
            VideoDecodeException error =
                    assertThrows(VideoDecodeException.class, () -> sampler.sample(file));
            assertEquals(expectedReason, error.reason(), error.getMessage());
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
            return;
        }

        SampledClip clip = sampler.sample(file);

        for (VideoFrame frame : clip.frames()) {
            assertEquals(CROP, frame.width());
            assertEquals(CROP, frame.height());
        }
        double seconds = durationSeconds(row, evidence);
        int nominal = (int) Math.min(PARAMS.frames(), Math.ceil(seconds * PARAMS.fps() - 1e-6));
        // Files with far fewer decodable frames than duration x rate may cover only a part of it.
        boolean sparse = decodedFrames(evidence) < 0.5 * seconds * frameRate(evidence);
        int minimum = sparse ? 1 : nominal - 1;
        assertTrue(clip.realSteps() >= minimum,
                clip.realSteps() + " steps, expected at least " + minimum);
        assertTrue(clip.realSteps() <= nominal,
                clip.realSteps() + " steps, expected at most " + nominal);
    }

    /** Returns the manifest duration, or decoded frames over the average rate when it is empty. */
    private static double durationSeconds(CSVRecord row, String evidence) {
        String duration = row.get("duration_s");
        if (!duration.isEmpty()) {
            return Double.parseDouble(duration);
        }
        return decodedFrames(evidence) / frameRate(evidence);
    }

    private static double decodedFrames(String evidence) {
        return Double.parseDouble(field(evidence, "decoded_frames"));
    }

    private static double frameRate(String evidence) {
        double average = rational(field(evidence, "avg_fps"));
        return average > 0 ? average : rational(field(evidence, "r_fps"));
    }

    private static double rational(String value) {
        String[] parts = value.split("/");
        double denominator = Double.parseDouble(parts[1]);
        return denominator == 0 ? 0 : Double.parseDouble(parts[0]) / denominator;
    }

    /** Returns the value of {@code key=value} in the semicolon-separated ffprobe evidence. */
    private static String field(String evidence, String key) {
        for (String part : evidence.split(";")) {
            String[] keyValue = part.trim().split("=", 2);
            if (keyValue[0].equals(key)) {
                return keyValue[1].replaceAll(",$", "").trim();
            }
        }
        throw new IllegalArgumentException("no " + key + " in manifest evidence " + evidence);
    }

    private static Reason expectedReason(CSVRecord row, String evidence) {
        if (row.get("bytes").equals("0")) {
            return Reason.EMPTY_FILE;
        }
        if (evidence.contains("container=;")) {
            return evidence.contains("moov atom not found") ? Reason.TRUNCATED : Reason.NOT_A_VIDEO;
        }
        if (evidence.contains("v_streams=0")) {
            return Reason.NO_VIDEO_STREAM;
        }
        return null;
    }
}
