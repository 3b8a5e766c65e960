package dev.actionrec.features;

import dev.actionrec.features.tflite.TfliteModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.Adler32;

/** Decides whether a file on disk is an intact copy of a {@link WeightFile}. */
final class WeightCheck {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private WeightCheck() {}

    /**
     * Returns why {@code path} is not an intact copy of {@code file}, or null if it is. The file
     * must have the format its name implies ({@code .tflite}: TFLite identifier, {@code .zip}: zip
     * header), the published size if known, and the published SHA-256 and Adler-32 if known.
     */
    static String problem(WeightFile file, Path path) {
        try {
            String format = formatProblem(file, path);
            if (format != null) {
                return format;
            }
            long size = Files.size(path);
            if (file.hasKnownSize() && size != file.sizeBytes()) {
                return "has " + size + " bytes, expected " + file.sizeBytes();
            }
            return checksumProblem(file, path);
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    private static String formatProblem(WeightFile file, Path path) throws IOException {
        String name = file.fileName().toLowerCase(Locale.ROOT);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        }
        if (name.endsWith(".tflite") && !TfliteModel.hasIdentifier(head)) {
            return "is not a TensorFlow Lite model";
        }
        if (name.endsWith(".zip")
                && (head.length < 4 || !Arrays.equals(head, 0, 4, ZIP_MAGIC, 0, 4))) {
            return "is not a zip archive";
        }
        return null;
    }

    private static String checksumProblem(WeightFile file, Path path) throws IOException {
        MessageDigest sha256 = Sha256.digest();
        Adler32 adler32 = new Adler32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                adler32.update(buffer, 0, n);
            }
        }
        String sha256Hex = HexFormat.of().formatHex(sha256.digest());
        if (!file.sha256().isEmpty() && !sha256Hex.equals(file.sha256())) {
            return "has SHA-256 " + sha256Hex + ", expected " + file.sha256();
        }
        if (file.adler32() != WeightFile.NO_ADLER32 && adler32.getValue() != file.adler32()) {
            return "has Adler-32 checksum " + adler32.getValue() + ", expected " + file.adler32();
        }
        return null;
    }
}
