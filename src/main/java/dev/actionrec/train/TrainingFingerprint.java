package dev.actionrec.train;

import dev.actionrec.encoder.EncoderConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 digests of the inputs that determine a training run, one per part (labels, clips,
 * encoder, options, class weights), so that a checkpoint is only resumed with the same inputs and
 * a mismatch can name the part that differs.
 */
final class TrainingFingerprint {

    private TrainingFingerprint() {}

    /**
     * Computes the digests of a run's inputs.
     *
     * @param classWeights one weight per label, or null without class weights
     * @return part name to lower-case hex SHA-256, in a fixed order
     */
    static Map<String, String> of(List<String> labels, List<LabelledFeatures> training,
            List<LabelledFeatures> validation, EncoderConfig encoder, TrainingOptions options,
            double[] classWeights) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("labels", sha256(String.join("\n", labels).getBytes(StandardCharsets.UTF_8)));
        MessageDigest clips = newDigest();
        addClips(clips, "training", training);
        addClips(clips, "validation", validation);
        parts.put("clips", HexFormat.of().formatHex(clips.digest()));
        parts.put("encoder", sha256(encoder.toString().getBytes(StandardCharsets.UTF_8)));
        parts.put("options", sha256(options.toString().getBytes(StandardCharsets.UTF_8)));
        parts.put("class weights",
                sha256(Arrays.toString(classWeights).getBytes(StandardCharsets.UTF_8)));
        return parts;
    }

    /** Returns the names of the parts whose digests differ or exist on one side only. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        return expected.keySet().stream()
                .filter(part -> !expected.get(part).equals(actual.get(part)))
                .toList();
    }

    private static void addClips(MessageDigest digest, String side, List<LabelledFeatures> clips) {
        digest.update((side + ":" + clips.size() + "\n").getBytes(StandardCharsets.UTF_8));
        for (LabelledFeatures clip : clips) {
            String id = clip.features().source().toAbsolutePath().normalize() + "\t" + clip.label()
                    + "\n";
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            float[][] vectors = clip.features().vectors();
            ByteBuffer buffer = ByteBuffer.allocate(vectors.length * vectors[0].length * 4);
            for (float[] vector : vectors) {
                for (float value : vector) {
                    buffer.putFloat(value);
                }
            }
            digest.update(buffer.array());
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
