package dev.actionrec.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The class names of an ImageNet classifier's outputs, one per logit index. */
public final class ImagenetLabels {

    private final List<String> names;

    private ImagenetLabels(List<String> names) {
        this.names = List.copyOf(names);
    }

    /**
     * Reads a label file with one class name per line, line i naming output i (index 0 is
     * {@code background} for 1001-class models). Trailing blank lines are ignored.
     *
     * @throws IOException if the file cannot be read or has no labels
     */
    public static ImagenetLabels read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end == 0) {
            throw new IOException("label file " + file + " is empty");
        }
        return new ImagenetLabels(lines.subList(0, end).stream().map(String::strip).toList());
    }

    /** Returns the number of classes. */
    public int size() {
        return names.size();
    }

    /**
     * Returns the full name of class {@code index}, for example {@code "Egyptian cat"}.
     *
     * @throws IndexOutOfBoundsException if the index is not a class index
     */
    public String name(int index) {
        return names.get(index);
    }

    /**
     * Returns the first of the comma-separated synonyms of a class, for example {@code "tench"}
     * for {@code "tench, Tinca tinca"}.
     */
    public String shortName(int index) {
        String name = name(index);
        int comma = name.indexOf(',');
        return comma < 0 ? name : name.substring(0, comma);
    }
}
