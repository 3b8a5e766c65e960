package dev.actionrec.eval;

import java.util.Base64;
import java.util.Locale;

/** Small helpers for writing HTML by hand. */
final class Html {

    private Html() {}

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns a {@code data:} URI of PNG bytes, so the page needs no other file. */
    static String pngDataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Formats a ratio in [0, 1] with three decimals. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Returns a table cell with escaped text. */
    static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    /** Returns a right-aligned table cell for a number. */
    static String numberCell(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }

    /** Returns a table header row with escaped column names. */
    static String headerRow(String... names) {
        StringBuilder row = new StringBuilder("<tr>");
        for (String name : names) {
            row.append("<th>").append(escape(name)).append("</th>");
        }
        return row.append("</tr>\n").toString();
    }
}
