package dev.actionrec.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/** Supplies a small picture of a clip for the misclassified clips of an HTML report. */
@FunctionalInterface
public interface ThumbnailSource {

    /**
     * Returns a thumbnail of a clip.
     *
     * @param clipPath the clip, as in {@link Prediction#path()}
     * @return the picture, or empty when this source makes no thumbnails
     * @throws IOException if the clip cannot be read, and the report then shows the message
     */
    Optional<BufferedImage> thumbnail(String clipPath) throws IOException;

    /** Returns a source that makes no thumbnails. */
    static ThumbnailSource none() {
        return clipPath -> Optional.empty();
    }
}
