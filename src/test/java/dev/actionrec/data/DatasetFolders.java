package dev.actionrec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds tiny dataset folders of empty files for tests. */
final class DatasetFolders {

    private DatasetFolders() {}

    /** Creates {@code root/label/name} for each name, as empty files, and returns the folder. */
    static Path classFolder(Path root, String label, String... names) throws IOException {
        Path folder = Files.createDirectories(root.resolve(label));
        for (String name : names) {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        return folder;
    }

    /** Creates a clip in {@code group} without touching the file system. */
    static LabelledClip clip(String label, String name, String group) {
        return new LabelledClip(Path.of("/data", label, name), label, group);
    }
}
