package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avformat.av_guess_sample_aspect_ratio;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import dev.actionrec.video.VideoDecodeException.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one video and picks the frame of each sampling step by presentation timestamp, either
 * sequentially from the start or by seeking to the keyframe before each step (see {@link
 * DecodeStrategy}).
 *
 * <p>Every decoded frame stays in its native pixel format. The decoder's latest frame is kept as
 * a reference-counted {@link AVFrame} (no pixel copy) until the next frame shows whether it was
 * on screen at a step time; only those frames are scaled and converted to RGB.
 */
final class ClipDecoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClipDecoder.class);

    /** Seeks tried for one step before decoding restarts sequentially. */
    private static final int MAX_SEEKS_PER_STEP = 4;

    private final Path file;
    private final SamplingParams params;
    private final int cropSize;
    private final FFmpegFrameGrabber grabber;
    private final AVFormatContext format;
    private final AVStream stream;
    private final int rotationDegrees;
    private final CropScaler scaler;
    private final AVFrame held;
    private final List<VideoFrame> frames = new ArrayList<>();
    private DecodeStrategy strategy;
    private KeyframeIndex keyframes;
    private KeyframeSeeker seeker;

    private boolean hasHeld;
    private long heldMicros;
    private long heldDurationMicros;
    private long firstPtsMicros = Long.MIN_VALUE;
    private long lastGapMicros;
    private int displayWidth;
    private int displayHeight;

    private ClipDecoder(Path file, SamplingParams params, int cropSize,
            FFmpegFrameGrabber grabber, DecodeStrategy forced) {
        this.file = file;
        this.params = params;
        this.cropSize = cropSize;
        this.grabber = grabber;
        this.format = grabber.getFormatContext();
        this.stream = format.streams(grabber.getVideoStream());
        this.rotationDegrees = DisplayRotation.of(stream, file.toString());
        this.strategy = chooseStrategy(forced);
        // Native memory is allocated last, so a failure above leaks nothing but the grabber,
        // which decode() closes.
        this.scaler = new CropScaler(cropSize, rotationDegrees);
        this.held = av_frame_alloc();
        if (held == null || held.isNull()) {
            scaler.close();
            throw new OutOfMemoryError("av_frame_alloc failed for " + file);
        }
    }

    /**
     * Returns the strategy expected to be faster: SEEK when keyframes are on average at most half
     * a step interval apart, and SEQUENTIAL otherwise. Sequential decoding decodes a whole step
     * interval of frames per step, and a seek about half a keyframe gap, so SEEK then decodes at
     * most a quarter as many frames. The mean is taken over the whole file, so this is an
     * estimate for files whose keyframe spacing changes.
     *
     * @param meanKeyframeGapMicros mean distance between keyframes in microseconds, infinite
     *     when the file has no keyframe index
     * @param stepIntervalMicros time between two steps in microseconds, {@code 1e6 / fps}
     */
    static DecodeStrategy choose(double meanKeyframeGapMicros, double stepIntervalMicros) {
        return meanKeyframeGapMicros <= stepIntervalMicros / 2
                ? DecodeStrategy.SEEK
                : DecodeStrategy.SEQUENTIAL;
    }

    private DecodeStrategy chooseStrategy(DecodeStrategy forced) {
        if (forced == DecodeStrategy.SEQUENTIAL || params.frames() < 2) {
            return DecodeStrategy.SEQUENTIAL;
        }
        keyframes = KeyframeIndex.of(format, stream);
        seeker = KeyframeSeeker.of(grabber);
        if (seeker == null || keyframes.size() < 2) {
            return DecodeStrategy.SEQUENTIAL;
        }
        double gapMicros = ticksToMicros(keyframes.meanGapTicks());
        DecodeStrategy chosen = forced != null
                ? forced
                : choose(gapMicros, 1e6 / params.fps());
        LOG.debug("{}: {} keyframes, mean gap {} us, decoding {}", file, keyframes.size(),
                Math.round(gapMicros), chosen);
        return chosen;
    }

    /**
     * Decodes {@code file} until every step has its frame or the video ends.
     *
     * @param forced strategy to use, or {@code null} to choose one from the keyframe index. SEEK
     *     falls back to SEQUENTIAL when the index lists fewer than two keyframes or a seek goes
     *     wrong
     * @param ffmpegThreads threads of FFmpeg's video decoder, 0 for FFmpeg's automatic choice
     * @param cancelled checked before each decoded frame. When it returns true, decoding stops and
     *     this method returns {@code null}
     * @return the sampled clip, or {@code null} when cancelled
     * @throws VideoDecodeException when the file cannot be opened or no frame decodes
     */
    static SampledClip decode(Path file, SamplingParams params, int cropSize,
            DecodeStrategy forced, int ffmpegThreads, BooleanSupplier cancelled)
            throws VideoDecodeException {
        FFmpegFrameGrabber grabber = VideoOpener.open(file, ffmpegThreads);
        ClipDecoder decoder;
        try {
            decoder = new ClipDecoder(file, params, cropSize, grabber, forced);
        } catch (RuntimeException e) {
            VideoOpener.closeQuietly(grabber);
            throw e;
        }
        try (decoder) {
            return decoder.run(cancelled);
        }
    }

    private SampledClip run(BooleanSupplier cancelled) throws VideoDecodeException {
        int seekedStep = 0;
        while (frames.size() < params.frames()) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            if (strategy == DecodeStrategy.SEEK && hasHeld && seekedStep < frames.size()) {
                seekedStep = frames.size();
                seekToStep(params.stepTimeMicros(seekedStep));
            }
            AVFrame decoded = grabNext();
            if (decoded == null) {
                break;
            }
            accept(decoded, true);
        }
        if (!hasHeld) {
            throw new VideoDecodeException(file, Reason.NO_DECODABLE_FRAMES, file
                    + ": the video stream has no decodable frame; the file is damaged or uses"
                    + " an unsupported codec, so re-export it as H.264 MP4");
        }
        long endMicros = heldMicros + Math.max(1, heldDurationMicros);
        emitStepsBefore(endMicros);
        if (frames.size() < params.frames()) {
            if (VideoOpener.isCutShort(file, format, stream)) {
                LOG.warn("{}: file is cut short (its index lists video data past the end of the"
                        + " file), so only its first {} s decoded and {} of {} steps at {} fps"
                        + " have a frame; re-download or re-export it", file,
                        String.format("%.3f", endMicros / 1e6), frames.size(), params.frames(),
                        params.fps());
            } else {
                LOG.warn("{}: video is {} s long, so only {} of {} steps at {} fps have a frame",
                        file, String.format("%.3f", endMicros / 1e6), frames.size(),
                        params.frames(), params.fps());
            }
        }
        return new SampledClip(file, params, frames, endMicros, displayWidth, displayHeight,
                rotationDegrees, strategy);
    }

    /**
     * Seeks to the keyframe before the step time when the index lists one after the kept frame,
     * and accepts the first frame decoded there. The MP4 index lists decode times, so a keyframe
     * listed before the step time can be shown after it, and FFmpeg 5.0's MP4 demuxer can land
     * on it even when seeking backward. Then the seek target moves back by one, two, then four
     * mean keyframe gaps. When no seek reaches a frame at or before the step time, decoding
     * restarts sequentially.
     */
    private void seekToStep(long stepMicros) throws VideoDecodeException {
        long target = microsToTicks(firstPtsMicros + stepMicros);
        long key = keyframes.atOrBefore(target);
        if (key == KeyframeIndex.NONE || relativeMicros(key) <= heldMicros) {
            return;
        }
        long backoff = Math.max(1, Math.round(keyframes.meanGapTicks()));
        for (int attempt = 0; attempt < MAX_SEEKS_PER_STEP; attempt++) {
            if (!seeker.seek(target)) {
                restartSequential("seeking to " + target + " ticks failed");
                return;
            }
            AVFrame first = grabNext();
            if (first == null) {
                return;
            }
            long ticks = first.best_effort_timestamp();
            if (first.key_frame() == 0 || ticks == AV_NOPTS_VALUE) {
                restartSequential("the first frame after seeking to " + target + " ticks is not"
                        + " a keyframe with a timestamp");
                return;
            }
            long relative = toMicros(ticks) - firstPtsMicros;
            if (relative <= stepMicros) {
                accept(first, false);
                return;
            }
            LOG.debug("{}: seeking to {} ticks reached a frame at {} us, after step time {} us",
                    file, target, relative, stepMicros);
            target -= backoff << attempt;
        }
        restartSequential("no seek reached a frame before step time " + stepMicros + " us");
    }

    private AVFrame grabNext() throws VideoDecodeException {
        try {
            Frame frame = grabber.grabImage();
            return frame == null ? null : (AVFrame) frame.opaque;
        } catch (FrameGrabber.Exception e) {
            throw new VideoDecodeException(file, Reason.DECODE_FAILED, file
                    + ": decoding failed (" + e.getMessage() + "); re-export the file as H.264"
                    + " MP4", e);
        }
    }

    /**
     * Goes back to the first keyframe and decodes sequentially from there. Frames up to the kept
     * one are decoded again and skipped, so the result is that of sequential decoding. Used when
     * a seek fails or lands on a frame that is not a keyframe: such a frame can be a leading
     * frame of an open group of pictures, whose pixels depend on frames before the seek point.
     *
     * @throws VideoDecodeException when seeking back to the start fails
     */
    // NOTE: no test file reaches this path: the test clips' seeks land on keyframes, and the
    // B-frame clip's overshoot is resolved by the first back-off.
    private void restartSequential(String reason) throws VideoDecodeException {
        LOG.debug("{}: {}, so decoding restarts sequentially", file, reason);
        strategy = DecodeStrategy.SEQUENTIAL;
        if (!seeker.seek(keyframes.first())) {
            throw new VideoDecodeException(file, Reason.DECODE_FAILED, file + ": seeking back to"
                    + " the first keyframe failed; re-export the file as H.264 MP4");
        }
    }

    /**
     * Assigns the kept frame to every step before this frame's time, then keeps this frame.
     *
     * @param follows whether this frame was decoded right after the kept one, so that the time
     *     between them is a frame interval; false for the first frame after a seek
     */
    private void accept(AVFrame decoded, boolean follows) {
        long pts = ptsMicros(decoded);
        if (firstPtsMicros == Long.MIN_VALUE) {
            firstPtsMicros = pts;
        }
        long relative = pts - firstPtsMicros;
        if (hasHeld && relative <= heldMicros) {
            LOG.debug("{}: skipping frame at {} us, not after the previous one at {} us", file,
                    relative, heldMicros);
            return;
        }
        if (hasHeld) {
            if (follows) {
                lastGapMicros = relative - heldMicros;
            }
            emitStepsBefore(relative);
        }
        av_frame_unref(held);
        if (av_frame_ref(held, decoded) < 0) {
            throw new OutOfMemoryError("av_frame_ref failed for a frame of " + file);
        }
        hasHeld = true;
        heldMicros = relative;
        heldDurationMicros = durationMicros(decoded);
    }

    /** Gives the kept frame to every pending step whose time is before {@code untilMicros}. */
    private void emitStepsBefore(long untilMicros) {
        byte[] rgb = null;
        while (frames.size() < params.frames()
                && params.stepTimeMicros(frames.size()) < untilMicros) {
            rgb = rgb == null ? convertHeld() : rgb.clone();
            frames.add(new VideoFrame(heldMicros, cropSize, cropSize, rgb));
        }
    }

    private byte[] convertHeld() {
        double aspect = 1.0;
        try (AVRational sar = av_guess_sample_aspect_ratio(format, stream, held)) {
            if (sar.num() > 0 && sar.den() > 0) {
                aspect = (double) sar.num() / sar.den();
            }
        }
        if (displayWidth == 0) {
            int width = (int) Math.round(held.width() * aspect);
            boolean sideways = rotationDegrees == 90 || rotationDegrees == 270;
            displayWidth = sideways ? held.height() : width;
            displayHeight = sideways ? width : held.height();
        }
        return scaler.toRgbCrop(held, aspect);
    }

    private long ptsMicros(AVFrame decoded) {
        long pts = decoded.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = decoded.pts();
        }
        if (pts == AV_NOPTS_VALUE) {
            // No timestamp at all: place the frame one frame interval after the previous one.
            long gap = lastGapMicros > 0 ? lastGapMicros : Math.max(1, heldDurationMicros);
            return hasHeld ? firstPtsMicros + heldMicros + gap : 0;
        }
        return toMicros(pts);
    }

    private long durationMicros(AVFrame decoded) {
        long duration = decoded.pkt_duration();
        if (duration > 0) {
            return toMicros(duration);
        }
        return lastGapMicros;
    }

    private long toMicros(long streamTicks) {
        return Math.round(ticksToMicros(streamTicks));
    }

    private double ticksToMicros(double streamTicks) {
        AVRational timeBase = stream.time_base();
        return streamTicks * 1e6 * timeBase.num() / timeBase.den();
    }

    /** Converts microseconds to stream ticks, rounding down. */
    private long microsToTicks(long micros) {
        AVRational timeBase = stream.time_base();
        return (long) Math.floor(micros / 1e6 * timeBase.den() / timeBase.num());
    }

    /** Returns the time of a timestamp in stream ticks, relative to the first frame, in us. */
    private long relativeMicros(long streamTicks) {
        return toMicros(streamTicks) - firstPtsMicros;
    }

    @Override
    public void close() {
        av_frame_free(held);
        scaler.close();
        VideoOpener.closeQuietly(grabber);
    }
}
