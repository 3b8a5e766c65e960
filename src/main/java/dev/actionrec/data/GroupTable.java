package dev.actionrec.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Groups read from a CSV table of clip paths and group names. */
final class GroupTable implements Groups {

    private static final Logger log = LoggerFactory.getLogger(GroupTable.class);

    private final Path source;
    private final Map<String, String> byTail = new HashMap<>();
    private final Map<String, String> byFileName = new HashMap<>();
    private final Set<String> ambiguousFileNames = new HashSet<>();

    private GroupTable(Path source) {
        this.source = source;
    }

    static GroupTable read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException(
                    "group file not found: "
                            + csv
                            + "; pass a CSV with the columns path and source_group (or group)");
        }
        GroupTable table = new GroupTable(csv);
        try (Reader reader = CsvFiles.open(csv);
                CSVParser parser = CsvFiles.WITH_HEADER.parse(reader)) {
            String groupColumn = groupColumn(csv, parser.getHeaderNames());
            for (CSVRecord row : parser) {
                String path = row.isSet("path") ? row.get("path") : "";
                String group = row.isSet(groupColumn) ? row.get(groupColumn) : "";
                if (path.isEmpty() || group.isEmpty()) {
                    log.warn(
                            "Ignored data row {} of {}: empty path or group",
                            row.getRecordNumber(),
                            csv);
                    continue;
                }
                table.add(Path.of(path), group);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException(
                    "invalid CSV in group file " + csv + ": " + e.getMessage(), e);
        }
        log.info("Read groups of {} clips from {}", table.byTail.size(), csv);
        return table;
    }

    private static String groupColumn(Path csv, List<String> header) throws DatasetException {
        if (header.contains("path")) {
            if (header.contains("source_group")) {
                return "source_group";
            }
            if (header.contains("group")) {
                return "group";
            }
        }
        throw new DatasetException(
                "group file "
                        + csv
                        + " has header "
                        + header
                        + "; expected a path column and a source_group or group column");
    }

    private void add(Path path, String group) {
        byTail.put(tail(path), group);
        String name = path.getFileName().toString();
        String previous = byFileName.putIfAbsent(name, group);
        if (previous != null && !previous.equals(group)) {
            ambiguousFileNames.add(name);
        }
    }

    @Override
    public Optional<String> groupOf(LabelledClip clip) {
        String group = byTail.get(tail(clip.path()));
        if (group != null) {
            return Optional.of(group);
        }
        String name = clip.path().getFileName().toString();
        if (ambiguousFileNames.contains(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byFileName.get(name));
    }

    /** Returns the parent folder name and file name joined by '/', or the file name alone. */
    private static String tail(Path path) {
        Path name = path.getFileName();
        Path parent = path.getParent();
        if (parent == null || parent.getFileName() == null) {
            return name.toString();
        }
        return parent.getFileName() + "/" + name;
    }

    @Override
    public String toString() {
        return "group file " + source;
    }
}
