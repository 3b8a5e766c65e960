package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.actionrec.video.VideoDecodeException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a fixed number of frames from a video at a fixed rate, by presentation timestamp.
 *
 * <p>Step i is the frame on screen at {@code i / fps} seconds after the first frame: the last
 * decoded frame whose timestamp is at or before that time. Frame counts and nominal frame rates
 * from the container are never used, because real files report rates such as 90000/1 or 0/0. A
 * video shorter than the window yields fewer steps, with a WARN. Frames are made upright
 * (display matrix or {@code rotate} tag), shown at display aspect (sample aspect ratio), resized
 * so the shorter side is {@code cropSize} and centre-cropped to {@code cropSize x cropSize}.
 *
 * <p>The video is decoded on a worker thread, either sequentially or by seeking to the keyframe
 * before each step, whichever the file's keyframe index suggests is faster (see {@link
 * DecodeStrategy}). Both give the same frames. Only the frames that are kept are converted to
 * RGB. Audio is never decoded. Instances are immutable and may be shared between
 * threads.
 */
public final class FrameSampler {

    private static final Logger LOG = LoggerFactory.getLogger(FrameSampler.class);

    static {
        // FFmpeg prints stream dumps and per-packet decoder errors to stderr at its default level.
        av_log_set_level(LOG.isDebugEnabled() ? AV_LOG_WARNING : AV_LOG_FATAL);
    }

    private final SamplingParams params;
    private final int cropSize;
    private final Duration decodeTimeout;
    private final DecodeStrategy forcedStrategy;
    private final int ffmpegThreads;

    /**
     * @param params number of steps and sampling rate
     * @param cropSize side of the square output frames in pixels, e.g. 224
     * @param decodeTimeout maximum time for opening and decoding one file
     * @throws IllegalArgumentException if {@code cropSize < 1} or the timeout is not positive
     */
    public FrameSampler(SamplingParams params, int cropSize, Duration decodeTimeout) {
        this(params, cropSize, decodeTimeout, null, 0);
    }

    private FrameSampler(SamplingParams params, int cropSize, Duration decodeTimeout,
            DecodeStrategy forcedStrategy, int ffmpegThreads) {
        this.forcedStrategy = forcedStrategy;
        this.ffmpegThreads = ffmpegThreads;
        this.params = Objects.requireNonNull(params, "params");
        this.decodeTimeout = Objects.requireNonNull(decodeTimeout, "decodeTimeout");
        if (cropSize < 1) {
            throw new IllegalArgumentException("crop size must be at least 1 pixel, got "
                    + cropSize);
        }
        if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
            throw new IllegalArgumentException("decode timeout must be positive, got "
                    + decodeTimeout);
        }
        this.cropSize = cropSize;
    }

    /**
     * Returns a sampler that always uses {@code strategy} instead of choosing one per file, for
     * comparing the strategies. SEEK still decodes sequentially when the file's index lists
     * fewer than two keyframes, and {@link SampledClip#strategy()} reports the strategy used.
     */
    public FrameSampler withStrategy(DecodeStrategy strategy) {
        return new FrameSampler(params, cropSize, decodeTimeout,
                Objects.requireNonNull(strategy, "strategy"), ffmpegThreads);
    }

    /**
     * Returns a sampler whose FFmpeg video decoders use {@code threads} threads each. The default
     * is 0, FFmpeg's automatic choice (frame and slice threads by the processor count). The
     * thread count does not change the decoded frames; tests check this on H.264.
     *
     * @throws IllegalArgumentException if {@code threads} is negative
     */
    public FrameSampler withFfmpegThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("FFmpeg threads must be 0 (automatic) or more, got "
                    + threads);
        }
        return new FrameSampler(params, cropSize, decodeTimeout, forcedStrategy, threads);
    }

    /** Returns the threads of each FFmpeg video decoder, 0 for FFmpeg's automatic choice. */
    public int ffmpegThreads() {
        return ffmpegThreads;
    }

    /** Returns the sampling parameters. */
    public SamplingParams params() {
        return params;
    }

    /** Returns the side of the square output frames in pixels. */
    public int cropSize() {
        return cropSize;
    }

    /**
     * Samples one video.
     *
     * @param video path of the video file
     * @return the frames of the real steps, {@code [cropSize, cropSize, 3]} RGB each
     * @throws VideoDecodeException with a {@link Reason} when the file is missing, empty, not a
     *     video, truncated, has no video stream or no decodable frame, fails to decode, or takes
     *     longer than the decode timeout
     */
    public SampledClip sample(Path video) throws VideoDecodeException {
        checkReadable(video);
        AtomicBoolean cancelled = new AtomicBoolean();
        FutureTask<SampledClip> task = new FutureTask<>(
                () -> ClipDecoder.decode(video, params, cropSize, forcedStrategy,
                        ffmpegThreads, cancelled::get));
        Thread worker = new Thread(task, "video-decode " + video.getFileName());
        worker.setDaemon(true);
        worker.start();
        try {
            SampledClip clip = task.get(decodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("{}: sampled {} of {} steps, decoding {}", video, clip.realSteps(),
                    params.frames(), clip.strategy());
            return clip;
        } catch (TimeoutException e) {
            // NOTE: FFmpeg calls cannot be interrupted from Java. The worker stops before its next
            // frame and releases its decoder then. A call stuck inside FFmpeg (a read that never
            // returns) keeps its daemon thread and native memory until that call returns.
            cancelled.set(true);
            throw new VideoDecodeException(video, Reason.TIMEOUT, video + ": decoding took longer"
                    + " than " + decodeTimeout.toMillis() + " ms; the file may be damaged, or"
                    + " raise the decode timeout", e);
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            throw new VideoDecodeException(video, Reason.DECODE_FAILED, video
                    + ": decoding was interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(video, e.getCause());
        }
    }

    private static void checkReadable(Path video) throws VideoDecodeException {
        if (!Files.exists(video) || Files.isDirectory(video)) {
            throw new VideoDecodeException(video, Reason.NOT_FOUND, video
                    + ": video file not found; check the path");
        }
        long size;
        try {
            size = Files.isRegularFile(video) ? Files.size(video) : -1;
        } catch (IOException e) {
            throw new VideoDecodeException(video, Reason.NOT_FOUND, video
                    + ": cannot read the video file (" + e.getMessage() + "); check its"
                    + " permissions", e);
        }
        if (size == 0) {
            throw new VideoDecodeException(video, Reason.EMPTY_FILE, video
                    + ": video file is empty (0 bytes); re-download or re-export it");
        }
    }

    private static VideoDecodeException unwrap(Path video, Throwable cause) {
        if (cause instanceof VideoDecodeException decodeError) {
            return decodeError;
        }
        return new VideoDecodeException(video, Reason.DECODE_FAILED, video + ": decoding failed ("
                + cause + "); re-export the file as H.264 MP4", cause);
    }
}
