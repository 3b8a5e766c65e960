package dev.actionrec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's memory figures from {@code /proc/self/status} (Linux only). */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Returns the resident set size, VmRSS, in KiB, or -1 where it is not available. */
    static long residentKib() throws IOException {
        return field("VmRSS:");
    }

    /** Returns the peak resident set size so far, VmHWM, in KiB, or -1 where not available. */
    static long peakResidentKib() throws IOException {
        return field("VmHWM:");
    }

    private static long field(String name) throws IOException {
        if (!Files.exists(STATUS)) {
            return -1;
        }
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
