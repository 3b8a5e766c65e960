package dev.actionrec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Collects the rows of the table that {@code scripts/bench} prints. Each benchmark process
 * prints its rows and appends them, tab-separated, to the file named by the system property
 * {@value #PROPERTY}, where {@link BenchTable} reads them back. Without the property, rows are
 * only printed.
 */
public final class BenchRows {

    /** System property naming the rows file. */
    public static final String PROPERTY = "bench.rows";

    private BenchRows() {}

    /**
     * Prints one row and appends it to the rows file.
     *
     * @param measurement what was measured
     * @param result the result with its unit, usually {@code median [min, max] unit}
     * @param notes how it was measured: runs, sizes, derived rates
     * @throws UncheckedIOException if the rows file cannot be written
     */
    public static void add(String measurement, String result, String notes) {
        System.out.printf(Locale.ROOT, "%s: %s (%s)%n", measurement, result, notes);
        String file = System.getProperty(PROPERTY);
        if (file == null) {
            return;
        }
        String line = clean(measurement) + "\t" + clean(result) + "\t" + clean(notes) + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the rows file " + file, e);
        }
    }

    private static String clean(String cell) {
        return cell.replace('\t', ' ').replace('\n', ' ');
    }
}
