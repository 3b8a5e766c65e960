package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the demuxer of an open {@link FFmpegFrameGrabber} to a keyframe and empties its video
 * decoder, so that the grabber's next frame is decoded from that keyframe.
 *
 * <p>{@link FFmpegFrameGrabber#setTimestamp(long)} is not used because it decodes and drops the
 * frames before the target time, which loses the frame on screen at that time.
 */
final class KeyframeSeeker {

    private static final Logger LOG = LoggerFactory.getLogger(KeyframeSeeker.class);
    private static final AtomicLong SEEKS = new AtomicLong();

    private final AVFormatContext format;
    private final int streamIndex;
    private final AVCodecContext decoder;

    private KeyframeSeeker(AVFormatContext format, int streamIndex, AVCodecContext decoder) {
        this.format = format;
        this.streamIndex = streamIndex;
        this.decoder = decoder;
    }

    /**
     * Returns a seeker for the grabber's video stream, or {@code null} when the grabber's video
     * decoder cannot be reached.
     */
    static KeyframeSeeker of(FFmpegFrameGrabber grabber) {
        AVCodecContext decoder = videoDecoder(grabber);
        if (decoder == null || decoder.isNull()) {
            return null;
        }
        return new KeyframeSeeker(grabber.getFormatContext(), grabber.getVideoStream(), decoder);
    }

    /**
     * Seeks backward to a keyframe near {@code ticks} and flushes the video decoder. The
     * keyframe is at or before {@code ticks}, except that FFmpeg 5.0's MP4 demuxer compares
     * presentation times with decode times and can land on a keyframe shown just after it.
     *
     * @param ticks timestamp in the video stream's time base
     * @return false when FFmpeg cannot seek in this file
     */
    boolean seek(long ticks) {
        int status = av_seek_frame(format, streamIndex, ticks, AVSEEK_FLAG_BACKWARD);
        if (status < 0) {
            return false;
        }
        avcodec_flush_buffers(decoder);
        SEEKS.incrementAndGet();
        return true;
    }

    /** Returns the number of successful seeks in this JVM, so tests can see that seeks happen. */
    static long seekCount() {
        return SEEKS.get();
    }

    // NOTE: JavaCV 1.5.7 keeps the decoder in the private field video_c and offers no getter. If
    // a later JavaCV renames it, this returns null and sampling decodes sequentially.
    private static AVCodecContext videoDecoder(FFmpegFrameGrabber grabber) {
        try {
            Field field = FFmpegFrameGrabber.class.getDeclaredField("video_c");
            field.setAccessible(true);
            return (AVCodecContext) field.get(grabber);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the video decoder of FFmpegFrameGrabber is not reachable, so frames are"
                    + " decoded sequentially", e);
            return null;
        }
    }
}
