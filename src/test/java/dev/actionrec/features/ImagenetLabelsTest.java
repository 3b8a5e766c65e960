package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagenetLabelsTest {

    @Test
    void sharedFileHas1001Labels() throws IOException {
        ImagenetLabels labels =
                ImagenetLabels.read(SharedData.resolve("weights/imagenet_labels.txt"));

        assertEquals(1001, labels.size());
        assertEquals("background", labels.name(0));
        assertEquals("tench, Tinca tinca", labels.name(1));
        assertEquals("tench", labels.shortName(1));
    }

    @Test
    void trailingBlankLinesIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.txt");
        Files.writeString(file, "background\ncat\n\n\n");
        assertEquals(2, ImagenetLabels.read(file).size());
    }

    @Test
    void emptyFileRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.txt");
        Files.writeString(file, "\n");
        assertThrows(IOException.class, () -> ImagenetLabels.read(file));
    }
}
