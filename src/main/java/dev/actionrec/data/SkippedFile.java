package dev.actionrec.data;

import java.nio.file.Path;

/**
 * A file found while reading a dataset that is not part of it.
 *
 * @param path the file
 * @param reason why it was left out, for example "not a video file extension"
 */
public record SkippedFile(Path path, String reason) {}
