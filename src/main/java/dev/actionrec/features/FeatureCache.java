package dev.actionrec.features;

import dev.actionrec.io.AtomicFiles;
import dev.actionrec.video.SamplingParams;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-disk cache of per-clip feature vectors.
 *
 * <p>An entry is keyed by the SHA-256 of the video's bytes, the backbone id, the SHA-256 of its
 * weights, the sampling parameters, the crop size and {@link #FORMAT_VERSION}, so a changed
 * video or changed parameters never hit a stale entry. Entries are written atomically and end
 * with a CRC-32 of their content. An entry that cannot be read or fails its checksum is treated
 * as a miss and rewritten.
 */
public final class FeatureCache {

    /** Version of the entry layout and of the frame pipeline; bump it when either changes. */
    public static final int FORMAT_VERSION = 2;

    private static final Logger log = LoggerFactory.getLogger(FeatureCache.class);
    private static final int MAGIC = 0x41524654; // "ARFT"

    private final Path directory;
    private final Map<FileStamp, String> contentHashes = new ConcurrentHashMap<>();

    /** Creates a cache rooted at {@code directory}; the folder is created on the first write. */
    public FeatureCache(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** Returns the cache folder. */
    public Path directory() {
        return directory;
    }

    /**
     * Computes the cache key of one video under one backbone and sampling.
     *
     * @throws IOException if the video cannot be read
     */
    public String key(Path video, Backbone backbone, SamplingParams sampling) throws IOException {
        String identity = String.join("|",
                contentSha256(video),
                backbone.id(),
                backbone.weightsSha256(),
                Integer.toString(sampling.frames()),
                Double.toString(sampling.fps()),
                Integer.toString(backbone.inputSize()),
                Integer.toString(FORMAT_VERSION));
        return sha256Hex(identity.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the cached features for {@code key}, or empty on a miss or an unreadable entry. */
    public Optional<ClipFeatures> get(String key, Path video) {
        Path entry = entryPath(key);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(verified(Files.readAllBytes(entry)), video));
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring unreadable feature cache entry {}: {}", entry, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Stores features under {@code key}, atomically.
     *
     * @throws IOException if the entry cannot be written
     */
    public void put(String key, ClipFeatures features) throws IOException {
        AtomicFiles.write(entryPath(key), raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(
                    new CheckedOutputStream(new BufferedOutputStream(raw), crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(features.steps());
            out.writeInt(features.featureSize());
            for (long t : features.timestampsMicros()) {
                out.writeLong(t);
            }
            for (float[] vector : features.vectors()) {
                for (float v : vector) {
                    out.writeFloat(v);
                }
            }
            out.writeLong(crc.getValue());
            out.flush();
        });
    }

    /**
     * Returns the entry without its trailing CRC-32, which covers every byte before it.
     *
     * @throws IOException if the entry is too short or the checksum does not match
     */
    private static DataInputStream verified(byte[] entry) throws IOException {
        if (entry.length < Long.BYTES) {
            throw new IOException("entry of " + entry.length + " bytes is too short");
        }
        int body = entry.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(entry, 0, body);
        long stored = ByteBuffer.wrap(entry, body, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
        return new DataInputStream(new ByteArrayInputStream(entry, 0, body));
    }

    private static ClipFeatures read(DataInputStream in, Path video) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
            throw new IOException("not a feature cache entry of version " + FORMAT_VERSION);
        }
        int steps = in.readInt();
        int featureSize = in.readInt();
        if (steps <= 0 || steps > 100_000 || featureSize <= 0 || featureSize > 1_000_000) {
            throw new IOException("implausible entry size " + steps + "x" + featureSize);
        }
        long[] timestamps = new long[steps];
        for (int i = 0; i < steps; i++) {
            timestamps[i] = in.readLong();
        }
        float[][] vectors = new float[steps][featureSize];
        for (float[] vector : vectors) {
            for (int f = 0; f < featureSize; f++) {
                vector[f] = in.readFloat();
            }
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the feature vectors");
        }
        return new ClipFeatures(video, timestamps, vectors);
    }

    private Path entryPath(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key + ".feat");
    }

    private String contentSha256(Path video) throws IOException {
        FileStamp stamp = FileStamp.of(video);
        String cached = contentHashes.get(stamp);
        if (cached != null) {
            return cached;
        }
        String hash = sha256Hex(video);
        contentHashes.put(stamp, hash);
        return hash;
    }

    /** Returns the lowercase hex SHA-256 of a file's bytes. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Identity of a file's current bytes for in-process hash reuse: path, size, mtime. */
    private record FileStamp(Path path, long size, FileTime modified) {
        static FileStamp of(Path file) throws IOException {
            Path real = file.toRealPath();
            return new FileStamp(real, Files.size(real), Files.getLastModifiedTime(real));
        }
    }
}
