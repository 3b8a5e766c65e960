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
            // NOTE: CSVFormat.parse needs commons-io 2.16+, but DL4J brings an older commons-io.
            try (CSVParser parser = new CSVParser(reader, format)) {
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
        System.out.println(file.getFileName() + " steps=" + clip.realSteps() + " dur="
                + clip.decodedDurationMicros() + " disp=" + clip.displayWidth() + "x"
                + clip.displayHeight() + " rot=" + clip.rotationDegrees());
        assertTrue(clip.realSteps() >= 1, "no frame sampled");
        for (VideoFrame frame : clip.frames()) {
            assertEquals(CROP, frame.width());
            assertEquals(CROP, frame.height());
        }
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
