package dev.actionrec.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a CSV manifest with the header {@code path,label[,group]}. */
final class ManifestReader {

    private static final Logger log = LoggerFactory.getLogger(ManifestReader.class);

    private ManifestReader() {}

    static ClipDataset read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException(
                    "manifest not found: "
                            + csv
                            + "; pass a CSV file with the header path,label[,group]");
        }
        Path base = csv.toAbsolutePath().getParent();
        List<LabelledClip> clips = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();

        try (Reader reader = CsvFiles.open(csv);
                CSVParser parser = CsvFiles.WITH_HEADER.parse(reader)) {
            requireColumns(csv, parser);
            boolean hasGroup = parser.getHeaderMap().containsKey("group");
            for (CSVRecord row : parser) {
                LabelledClip clip = toClip(csv, base, row, hasGroup);
                String reason = reasonToSkip(clip.path(), seen);
                if (reason != null) {
                    log.warn(
                            "Skipped {} (data row {} of {}): {}",
                            clip.path(),
                            row.getRecordNumber(),
                            csv,
                            reason);
                    skipped.add(new SkippedFile(clip.path(), reason));
                } else {
                    clips.add(clip);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException("invalid CSV in manifest " + csv + ": " + e.getMessage(), e);
        }

        ClipDataset dataset = ClipDataset.of(base, clips, skipped);
        if (dataset.labels().size() < 2) {
            throw new DatasetException(
                    "manifest "
                            + csv
                            + " lists "
                            + dataset.labels().size()
                            + " class(es) with existing files "
                            + dataset.labels()
                            + "; training needs at least two classes");
        }
        log.info(
                "Read {} clips in {} classes from {} ({} rows skipped)",
                clips.size(),
                dataset.labels().size(),
                csv,
                skipped.size());
        return dataset;
    }

    private static void requireColumns(Path csv, CSVParser parser) throws DatasetException {
        List<String> header = parser.getHeaderNames();
        if (!header.contains("path") || !header.contains("label")) {
            throw new DatasetException(
                    "manifest "
                            + csv
                            + " has header "
                            + header
                            + "; expected the columns path,label and optionally group"
                            + layoutHint(header));
        }
    }

    /** Returns a sentence naming the likely cause of a header without path and label, or "". */
    private static String layoutHint(List<String> header) {
        if (header.isEmpty()) {
            return ". The file is empty";
        }
        if (header.stream().anyMatch(name -> name.contains(";") || name.contains("\t"))) {
            return ". Separate the columns with commas, not semicolons or tabs";
        }
        if (header.stream().anyMatch(name -> VideoFiles.isVideo(Path.of(name)))) {
            return ". The first line looks like a data row, so add the header line path,label";
        }
        if (header.stream().anyMatch(name -> name.equalsIgnoreCase("path"))) {
            return ". Write the column names in lower case";
        }
        return "";
    }

    private static LabelledClip toClip(Path csv, Path base, CSVRecord row, boolean hasGroup)
            throws DatasetException {
        String path = row.isSet("path") ? row.get("path") : "";
        String label = row.isSet("label") ? row.get("label") : "";
        if (path.isEmpty() || label.isEmpty()) {
            throw new DatasetException(
                    "data row "
                            + row.getRecordNumber()
                            + " of manifest "
                            + csv
                            + " has an empty path or label; fill both columns or delete the row");
        }
        String group = hasGroup && row.isSet("group") ? row.get("group") : null;
        return new LabelledClip(base.resolve(path).normalize(), label, group);
    }

    private static String reasonToSkip(Path path, Set<Path> seen) {
        if (!seen.add(path)) {
            return "listed twice in the manifest";
        }
        if (!Files.isRegularFile(path)) {
            return "file not found";
        }
        return null;
    }
}
