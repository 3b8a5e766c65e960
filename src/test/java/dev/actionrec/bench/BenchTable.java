package dev.actionrec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints the rows that the benchmarks collected through {@link BenchRows} as one aligned text
 * table and writes the same table as Markdown.
 *
 * <p>Usage: {@code BenchTable ROWS_FILE MARKDOWN_FILE [LINE...]}: each LINE (machine, load,
 * command) is printed above the table and written as a paragraph line above the Markdown table.
 */
public final class BenchTable {

    private static final String[] HEADER = {"measurement", "result", "notes"};

    /**
     * Order of the table's sections, each matched by the start of a row's measurement. Rows of
     * one section keep the order in which they were added. Rows of no section come last.
     */
    private static final List<String> SECTIONS = List.of("floor", "frame features", "sampling",
            "warm classify", "load", "cold classify", "batch", "memory");

    private BenchTable() {}

    /**
     * Renders the table.
     *
     * @throws IOException if the rows file cannot be read or the Markdown file written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchTable ROWS_FILE MARKDOWN_FILE [LINE...]");
            System.exit(2);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(cells(line));
            }
        }
        rows.sort(Comparator.comparingInt(BenchTable::section));
        List<String> lines = List.of(args).subList(2, args.length);
        System.out.print(text(lines, rows));
        Files.writeString(Path.of(args[1]), markdown(lines, rows), StandardCharsets.UTF_8);
    }

    /** Returns the index of a row's section in {@link #SECTIONS}, or its size for none. */
    static int section(String[] row) {
        for (int i = 0; i < SECTIONS.size(); i++) {
            if (row[0].startsWith(SECTIONS.get(i))) {
                return i;
            }
        }
        return SECTIONS.size();
    }

    /** Splits a rows-file line into exactly three cells. */
    static String[] cells(String line) {
        String[] parts = line.split("\t", -1);
        String[] cells = {"", "", ""};
        System.arraycopy(parts, 0, cells, 0, Math.min(parts.length, cells.length));
        return cells;
    }

    /** Returns the table as aligned plain text, one row per line. */
    static String text(List<String> lines, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        appendTextRow(out, HEADER, widths);
        appendTextRow(out, new String[] {"-".repeat(widths[0]), "-".repeat(widths[1]),
            "-".repeat(widths[2])}, widths);
        rows.forEach(row -> appendTextRow(out, row, widths));
        return out.toString();
    }

    private static void appendTextRow(StringBuilder out, String[] row, int[] widths) {
        out.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %s", row[0],
                row[1], row[2]).stripTrailing()).append('\n');
    }

    /** Returns the table as Markdown, with the lines as a paragraph above it. */
    static String markdown(List<String> lines, List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        if (!lines.isEmpty()) {
            out.append(String.join("  \n", lines)).append("\n\n");
        }
        out.append("| measurement | result | notes |\n|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(escape(row[0])).append(" | ").append(escape(row[1]))
                    .append(" | ").append(escape(row[2])).append(" |\n");
        }
        return out.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
