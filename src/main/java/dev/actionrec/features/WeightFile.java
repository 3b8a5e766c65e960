package dev.actionrec.features;

import java.net.URI;
import java.util.Locale;

/**
 * A published weight file: where to download it and how to recognise an intact copy.
 *
 * @param fileName file name used in weight folders and the cache
 * @param url public download address
 * @param sizeBytes exact size in bytes, or {@link #UNKNOWN_SIZE}
 * @param sha256 SHA-256 of the content, lowercase hex, or empty if unknown
 * @param adler32 Adler-32 checksum of the content as the DL4J model zoo publishes it, or {@link
 *     #NO_ADLER32}
 * @param folder conventional sub-folder of a weights folder that may contain the file (the name
 *     of the published archive it comes in), or empty
 */
public record WeightFile(
        String fileName, URI url, long sizeBytes, String sha256, long adler32, String folder) {

    /** Size value of a file whose exact size is not published. */
    public static final long UNKNOWN_SIZE = -1;
    /** Adler-32 value of a file that is checked by SHA-256 instead. */
    public static final long NO_ADLER32 = -1;

    /**
     * SqueezeNet v1.0 (Caffe, 227x227 BGR) pruned and weight-shared by Deep Compression, from the
     * songhan/SqueezeNet-Deep-Compression repository (BSD licence).
     */
    // NOTE: the URL follows the repository's master branch because the full hash of the commit
    // with this content is not known. The SHA-256 check rejects any other content.
    public static final WeightFile SQUEEZENET_V1_0_COMPRESSED = new WeightFile(
            "compressed_SqueezeNet.net",
            URI.create("https://github.com/songhan/SqueezeNet-Deep-Compression/raw/master/"
                    + "compressed_SqueezeNet.net"),
            675_763L,
            "e4ab6960ae8cd81505e1c2136921201507e930966c53deaf15862a395b3a3261",
            NO_ADLER32,
            "squeezenet-v1.0-deep-compression");

    /**
     * MobileNetV2 width 1.0, 224x224, uint8-quantised TFLite, ImageNet with 1001 outputs, from
     * the google-coral/test_data repository at a fixed commit (Apache-2.0).
     */
    // NOTE: tests download only from a local server, so this URL and GitHub's redirect to
    // raw.githubusercontent.com are not exercised by the test suite.
    public static final WeightFile MOBILENET_V2_QUANT = new WeightFile(
            "mobilenet_v2_1.0_224_quant.tflite",
            URI.create("https://github.com/google-coral/test_data/raw/"
                    + "104342d2d3480b3e66203073dac24f4e2dbb4c41/mobilenet_v2_1.0_224_quant.tflite"),
            3_610_798L,
            "7aad0c74c5e3c06e5eb3c827e13304fdd68a83da6087d92ee169c24ff9fd4776");

    /** Creates a file checked by size and SHA-256, looked up without a sub-folder. */
    public WeightFile(String fileName, URI url, long sizeBytes, String sha256) {
        this(fileName, url, sizeBytes, sha256, NO_ADLER32, "");
    }

    /**
     * Returns a DL4J model zoo archive, checked by the Adler-32 checksum that the zoo publishes
     * (its size and SHA-256 are not published).
     */
    public static WeightFile dl4jZoo(String fileName, URI url, long adler32) {
        return new WeightFile(fileName, url, UNKNOWN_SIZE, "", adler32, "");
    }

    public WeightFile {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException(
                    "weight file name must not contain a folder: " + fileName);
        }
        if (sizeBytes < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("weight file size must be >= 0: " + sizeBytes);
        }
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        folder = folder == null ? "" : folder;
        if (sha256.isEmpty() && adler32 == NO_ADLER32) {
            throw new IllegalArgumentException("weight file " + fileName + " needs a SHA-256 or an"
                    + " Adler-32 checksum");
        }
    }

    /** Returns whether the exact size in bytes is published. */
    public boolean hasKnownSize() {
        return sizeBytes != UNKNOWN_SIZE;
    }

    /** Returns a one-line description: name, size in bytes if known, and URL. */
    public String describe() {
        String size = hasKnownSize()
                ? String.format(Locale.ROOT, "%,d bytes", sizeBytes) : "size not published";
        return String.format(Locale.ROOT, "%s (%s, %s)", fileName, size, url);
    }
}
