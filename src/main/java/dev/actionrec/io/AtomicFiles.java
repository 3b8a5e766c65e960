package dev.actionrec.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * partial file.
 *
 * <p>The content goes to a hidden temporary file in the target's folder, is flushed to disk with
 * fsync, and is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. On any
 * failure the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFiles {

    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {}

    /**
     * Writes a file atomically, creating missing parent folders.
     *
     * @param target the file to create or replace
     * @param body writes the content; it may close the stream, which only flushes it
     * @throws IOException if the body fails, the disk is full, or the file system cannot rename
     *     atomically within the target's folder
     */
    public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = createTempFile(folder, absolute.getFileName().toString());
        try {
            writeAndSync(temp, body);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncFolder(folder);
    }

    /**
     * Writes a string as UTF-8 atomically.
     *
     * @throws IOException as {@link #write(Path, IoConsumer)}
     */
    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path createTempFile(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long suffix = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path temp = folder.resolve("." + name + "." + Long.toString(suffix, 36) + ".tmp");
            try {
                // CREATE_NEW with default permissions, so the final file gets the usual umask.
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void writeAndSync(Path temp, IoConsumer<OutputStream> body) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new UnclosableStream(Channels.newOutputStream(channel));
            body.accept(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void syncFolder(Path folder) {
        // Makes the rename itself durable. Some file systems cannot open a folder for reading;
        // the file content is already on disk then, so this is best effort.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // NOTE: a crash right after the rename may then lose it on such file systems.
        }
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Lets the body close its writer without closing the channel before fsync. */
    private static final class UnclosableStream extends FilterOutputStream {

        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
