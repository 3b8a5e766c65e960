package dev.actionrec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path dir;

    @Test
    void writeCreatesFileAndParents() throws IOException {
        Path target = dir.resolve("a/b/report.txt");

        AtomicFiles.writeString(target, "hello\n");

        assertEquals("hello\n", Files.readString(target));
        assertEquals(List.of(target), listFolder(target.getParent()));
    }

    @Test
    void writeReplacesExistingFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old content that is longer");

        AtomicFiles.writeString(target, "new");

        assertEquals("new", Files.readString(target));
    }

    @Test
    void bodyMayCloseItsWriter() throws IOException {
        Path target = dir.resolve("closed.txt");

        AtomicFiles.write(
                target,
                out -> {
                    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                        writer.write("closed by the body");
                    }
                });

        assertEquals("closed by the body", Files.readString(target));
    }

    @Test
    void failedBodyKeepsOldFileAndRemovesTemp() throws IOException {
        Path target = dir.resolve("keep.txt");
        Files.writeString(target, "original");

        IOException thrown =
                assertThrows(
                        IOException.class,
                        () ->
                                AtomicFiles.write(
                                        target,
                                        out -> {
                                            out.write("partial".getBytes(StandardCharsets.UTF_8));
                                            throw new IOException("disk full");
                                        }));

        assertEquals("disk full", thrown.getMessage());
        assertEquals("original", Files.readString(target));
        assertEquals(List.of(target), listFolder(dir));
    }

    private static List<Path> listFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
