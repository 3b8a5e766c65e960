package dev.actionrec.eval;

import dev.actionrec.video.FrameDump;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Thumbnails from the video files themselves: the middle real step of the clip, sampled as the
 * model samples it but centre-cropped to a small square.
 */
public final class VideoThumbnails implements ThumbnailSource {

    /** Default thumbnail side in pixels. */
    public static final int DEFAULT_SIZE = 112;

    private final FrameSampler sampler;

    /**
     * @param params the model's sampling, so the thumbnail shows a frame the model saw
     * @param size side of the square thumbnail in pixels
     * @param decodeTimeout maximum time for decoding one clip
     * @throws IllegalArgumentException if {@code size < 1} or the timeout is not positive
     */
    public VideoThumbnails(SamplingParams params, int size, Duration decodeTimeout) {
        this.sampler = new FrameSampler(params, size, decodeTimeout);
    }

    /**
     * Samples the clip and returns its middle real step, {@code [size, size]} RGB.
     *
     * @throws IOException if the clip cannot be decoded or has no frame
     */
    @Override
    public Optional<BufferedImage> thumbnail(String clipPath) throws IOException {
        SampledClip clip = sampler.sample(Path.of(clipPath));
        if (clip.realSteps() == 0) {
            throw new IOException(clipPath + ": no frame could be sampled");
        }
        return Optional.of(FrameDump.toImage(clip.frames().get(clip.realSteps() / 2)));
    }
}
