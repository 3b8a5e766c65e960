package dev.actionrec.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Recognises video files by their file name extension. */
public final class VideoFiles {

    /** Lower-case extensions, without the dot, of containers that FFmpeg decodes as video. */
    public static final Set<String> EXTENSIONS =
            Set.of(
                    "3g2", "3gp", "asf", "avi", "divx", "dv", "f4v", "flv", "gif", "m2ts", "m2v",
                    "m4v", "mjpeg", "mjpg", "mkv", "mov", "mp4", "mpeg", "mpg", "mts", "mxf", "ogv",
                    "qt", "ts", "vob", "webm", "wmv", "y4m");

    private VideoFiles() {}

    /** Returns whether the file name ends in a video extension, ignoring case. */
    public static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return false;
        }
        return EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Returns whether the file or folder name starts with a dot. */
    static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
