package dev.actionrec.features;

import java.net.URI;
import java.util.Locale;

/**
 * A published weight file: where to download it and how to recognise an intact copy.
 *
 * @param fileName file name used in weight folders and the cache
 * @param url public download address
 * @param sizeBytes exact size in bytes
 * @param sha256 SHA-256 of the content, lowercase hex
 */
public record WeightFile(String fileName, URI url, long sizeBytes, String sha256) {

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

    public WeightFile {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException(
                    "weight file name must not contain a folder: " + fileName);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("weight file size must be >= 0: " + sizeBytes);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    /** Returns a one-line description: name, size in bytes and URL. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%,d bytes, %s)", fileName, sizeBytes, url);
    }
}
