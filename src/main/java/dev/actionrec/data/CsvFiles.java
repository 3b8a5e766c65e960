package dev.actionrec.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;

/** Opens the CSV files that datasets and groups are read from. */
final class CsvFiles {

    /** CSV with a header line, surrounding spaces trimmed and empty lines ignored. */
    static final CSVFormat WITH_HEADER =
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .get();

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private CsvFiles() {}

    /**
     * Opens a UTF-8 file, skipping the byte order mark that spreadsheet programs write first, so
     * that the first column name matches.
     *
     * @throws IOException if the file cannot be opened
     */
    static BufferedReader open(Path csv) throws IOException {
        BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }
}
