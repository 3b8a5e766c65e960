package dev.actionrec.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a {@link WeightFile} into a folder: the bytes go to a temporary file in the same
 * folder, are checked against the expected size and checksums, and only then are moved atomically
 * to their final name. A failed or rejected download leaves no file behind.
 */
public final class WeightDownloader {

    private static final Logger log = LoggerFactory.getLogger(WeightDownloader.class);

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param connectTimeout limit for opening the connection
     * @param readTimeout limit for the response headers and for each read of the body
     */
    public WeightDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Downloads the file to {@code folder/<file name>}, replacing any file there.
     *
     * @return the path of the verified file
     * @throws IOException if the connection fails or times out, the server does not return 200,
     *     or the content has the wrong format, size or checksum (the message names the cause)
     */
    public Path download(WeightFile file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.fileName());
        Path partial = Files.createTempFile(folder, file.fileName() + ".", ".part");
        log.info("Downloading {} to {}", file.describe(), target);
        try {
            fetch(file, partial);
            long size = Files.size(partial);
            String problem = WeightCheck.problem(file, partial);
            if (problem != null) {
                throw new IOException("download of " + file.fileName() + " from " + file.url()
                        + " was rejected: the content " + problem);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            log.info("Downloaded {} ({} bytes, checksum verified)", target, size);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void fetch(WeightFile file, Path partial) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) file.url().toURL().openConnection();
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        connection.setInstanceFollowRedirects(true);
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("download of " + file.fileName() + " from " + file.url()
                        + " failed with HTTP status " + status);
            }
            long limit = file.hasKnownSize() ? file.sizeBytes() : Long.MAX_VALUE - 1;
            copy(connection, partial, limit);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("download of " + file.fileName() + " from "
                    + file.url() + " timed out (" + e.getMessage() + ")");
        } finally {
            connection.disconnect();
        }
    }

    /** Copies at most {@code limit + 1} bytes, so an oversized body is detected but not stored. */
    private static void copy(HttpURLConnection connection, Path partial, long limit)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        try (InputStream in = connection.getInputStream();
                OutputStream out = Files.newOutputStream(partial)) {
            for (int n = in.read(buffer); n >= 0 && written <= limit; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                written += n;
            }
        }
    }
}
