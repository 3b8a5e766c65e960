package dev.actionrec.cli;

import dev.actionrec.data.SkippedFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Small text formatting helpers shared by the commands. */
final class Format {

    private Format() {}

    /** Formats a fraction as a percentage with one decimal, or {@code n/a} for NaN. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** Prints the skipped-files summary on stdout, one line per file with its reason. */
    static void printSkipped(PrintWriter out, List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("Skipped " + skipped.size() + " file(s):");
        for (SkippedFile file : skipped) {
            out.println("  " + file.path() + ": " + file.reason());
        }
    }
}
