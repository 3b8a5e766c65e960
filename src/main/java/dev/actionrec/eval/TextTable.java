package dev.actionrec.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: the first column left-aligned, the others right-aligned, columns separated by
 * two spaces, and every line padded to the same width.
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    /** Adds a row; missing trailing cells are left blank. */
    TextTable addRow(String... cells) {
        if (cells.length > columns) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + columns + " columns");
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
        rows.add(row);
        return this;
    }

    /** Formats the table, one line per row, each ending in a newline. */
    String format() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    text.append(GAP);
                }
                String padding = " ".repeat(widths[i] - row[i].length());
                text.append(i == 0 ? row[i] + padding : padding + row[i]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
